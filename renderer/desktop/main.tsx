import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '../components/styles.css';
import '../i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cssVariablesResolver, theme } from '../components/theme';
import { App } from './App';
import { SessionProvider } from './session';

// The engine is local: answers are fresh until it says otherwise (data.changed invalidates).
const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 5_000, retry: false, refetchOnWindowFocus: false } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {/* No fade: a toast half-faded in is unreadable (and fails the contrast check) for its first 250 ms. */}
      {/* Bottom left, over the empty foot of the navigation (frame/toasts.css lifts it above the status bar): never over a table's last columns; at most two at once. */}
      <Notifications
        position="bottom-left"
        transitionDuration={0}
        limit={2}
        containerWidth={208}
        autoClose={3500}
      />
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <App />
        </SessionProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
