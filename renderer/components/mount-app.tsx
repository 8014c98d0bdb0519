import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider, type MantineProviderProps } from '@mantine/core';
import { QueryClient, QueryClientProvider, type QueryObserverOptions } from '@tanstack/react-query';
import { theme } from './theme';

/**
 * Starts one of the two apps (the desktop renderer, the customer portal) in #root: the same theme,
 * a query client, strict mode. What differs is passed in: how fresh answers stay (a local engine or
 * the network), where toasts go, and the app itself with its own session.
 */
export function mountApp({
  queries,
  cssVariablesResolver,
  notifications,
  children,
}: {
  queries: Pick<QueryObserverOptions, 'staleTime' | 'retry' | 'refetchOnWindowFocus'>;
  cssVariablesResolver?: MantineProviderProps['cssVariablesResolver'];
  notifications: ReactNode;
  children: ReactNode;
}): void {
  const queryClient = new QueryClient({ defaultOptions: { queries } });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        {notifications}
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
