import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '../components/styles.css';
import '../i18n';
import { Notifications } from '@mantine/notifications';
import { mountApp } from '../components/mount-app';
import { cssVariablesResolver } from '../components/theme';
import { App } from './App';
import { SessionProvider } from './session';

mountApp({
  // The engine is local: answers are fresh until it says otherwise (data.changed invalidates).
  queries: { staleTime: 5_000, retry: false, refetchOnWindowFocus: false },
  cssVariablesResolver,
  notifications: (
    <>
      {/* No fade: a toast half-faded in is unreadable (and fails the contrast check) for its first 250 ms. */}
      {/* Bottom left, over the empty foot of the navigation (frame/toasts.css lifts it above the status bar): never over a table's last columns; at most two at once. */}
      <Notifications
        position="bottom-left"
        transitionDuration={0}
        limit={2}
        containerWidth={208}
        autoClose={3500}
      />
    </>
  ),
  children: (
    <SessionProvider>
      <App />
    </SessionProvider>
  ),
});
