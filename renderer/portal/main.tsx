import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '../components/styles.css';
import './portal.css';
import '../i18n';
import { Notifications } from '@mantine/notifications';
import { mountApp } from '../components/mount-app';
import { App } from './App';
import { SessionProvider } from './session';
import { applyStoredLanguage } from './language';

applyStoredLanguage();

mountApp({
  // Over the network: no automatic retries behind the customer's back (an error shows with "Coba lagi").
  queries: { staleTime: 15_000, retry: false, refetchOnWindowFocus: true },
  notifications: <Notifications position="top-center" />,
  children: (
    <SessionProvider>
      <App />
    </SessionProvider>
  ),
});
