/** The portal's pages (addresses in lib/paths.ts); pages of a customer need a session. */
import { useEffect, type ReactNode } from 'react';
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { Layout, LinkButton } from './components/Layout';
import { LoadError, PageSkeleton } from './components/states';
import { UnreachableError } from './api/client';
import { PATHS } from './lib/paths';
import { BillingPage } from './pages/BillingPage';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NewOrderPage } from './pages/NewOrderPage';
import { OrderPage } from './pages/OrderPage';
import { OrdersPage } from './pages/OrdersPage';
import { ProfilePage } from './pages/ProfilePage';
import { RegisterPage } from './pages/RegisterPage';
import { SurveyPage } from './pages/SurveyPage';
import { useSession } from './session';

function RequireSignIn({ children }: { children: ReactNode }) {
  const { t } = useTranslation('portal');
  const { state, retry } = useSession();
  const [location] = useLocation();
  if (state.status === 'loading') return <PageSkeleton />;
  if (state.status === 'unreachable') return <LoadError error={new UnreachableError()} onRetry={retry} />;
  if (state.status === 'anonymous') return <Redirect to={`${PATHS.login}?next=${encodeURIComponent(location)}`} replace />;
  if (state.user.role !== 'pelanggan') {
    return (
      <Stack gap="sm" maw={520}>
        <Title order={1} size="h3">
          {t('staffTitle')}
        </Title>
        <Text>{t('staffHint')}</Text>
      </Stack>
    );
  }
  return <>{children}</>;
}

/** Each page names itself in the tab title and moves focus to its heading region for screen readers. */
function usePageFocus() {
  const [location] = useLocation();
  useEffect(() => {
    window.scrollTo(0, 0);
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [location]);
}

function NotFound() {
  const { t } = useTranslation('portal');
  return (
    <Stack gap="sm" align="flex-start">
      <Title order={1} size="h3">
        {t('notFound.title')}
      </Title>
      <Text>{t('notFound.hint')}</Text>
      <LinkButton href={PATHS.home} variant="light">
        {t('nav.home')}
      </LinkButton>
    </Stack>
  );
}

const signedIn = (page: ReactNode) => <RequireSignIn>{page}</RequireSignIn>;

export function App() {
  usePageFocus();
  return (
    <Layout>
      <Switch>
        <Route path={PATHS.home}>
          <HomePage />
        </Route>
        <Route path={PATHS.register}>
          <RegisterPage />
        </Route>
        <Route path={PATHS.login}>
          <LoginPage />
        </Route>
        <Route path={PATHS.forgot}>
          <ForgotPasswordPage />
        </Route>
        <Route path={PATHS.orders}>{signedIn(<OrdersPage />)}</Route>
        <Route path={PATHS.newOrder}>{signedIn(<NewOrderPage />)}</Route>
        <Route path="/pesanan/:id/ebilling">{(p) => signedIn(<BillingPage orderId={p.id} />)}</Route>
        <Route path="/pesanan/:id/survei">{(p) => signedIn(<SurveyPage orderId={p.id} />)}</Route>
        <Route path="/pesanan/:id/perbaiki">{(p) => signedIn(<NewOrderPage correctingOrderId={p.id} />)}</Route>
        <Route path="/pesanan/:id">{(p) => signedIn(<OrderPage orderId={p.id} />)}</Route>
        <Route path={PATHS.profile}>{signedIn(<ProfilePage />)}</Route>
        <Route>
          <NotFound />
        </Route>
      </Switch>
    </Layout>
  );
}

