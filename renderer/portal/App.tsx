/** The portal's pages (addresses in lib/paths.ts); pages of a customer need a session. */
import { lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { Layout, LinkButton } from './components/Layout';
import { LoadError, PageSkeleton } from './components/states';
import { UnreachableError } from './api/client';
import { PATHS } from './lib/paths';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { useSession } from './session';

// The first visit needs the home page and the login only; the other pages load when opened.
const BillingPage = lazy(() => import('./pages/BillingPage').then((m) => ({ default: m.BillingPage })));
const ForgotPasswordPage = lazy(() =>
  import('./pages/ForgotPasswordPage').then((m) => ({ default: m.ForgotPasswordPage })),
);
const NewOrderPage = lazy(() => import('./pages/NewOrderPage').then((m) => ({ default: m.NewOrderPage })));
const OrderPage = lazy(() => import('./pages/OrderPage').then((m) => ({ default: m.OrderPage })));
const OrdersPage = lazy(() => import('./pages/OrdersPage').then((m) => ({ default: m.OrdersPage })));
const ProfilePage = lazy(() => import('./pages/ProfilePage').then((m) => ({ default: m.ProfilePage })));
const RegisterPage = lazy(() => import('./pages/RegisterPage').then((m) => ({ default: m.RegisterPage })));
const SurveyPage = lazy(() => import('./pages/SurveyPage').then((m) => ({ default: m.SurveyPage })));

function RequireSignIn({ children }: { children: ReactNode }) {
  const { t } = useTranslation('portal');
  const { state, retry } = useSession();
  const [location] = useLocation();
  if (state.status === 'loading') return <PageSkeleton />;
  if (state.status === 'unreachable') return <LoadError error={new UnreachableError()} onRetry={retry} />;
  if (state.status === 'anonymous')
    return <Redirect to={`${PATHS.login}?next=${encodeURIComponent(location)}`} replace />;
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

/** The pages anyone may open, without a session. */
const OPEN_PAGES: [path: string, page: ComponentType][] = [
  [PATHS.home, HomePage],
  [PATHS.register, RegisterPage],
  [PATHS.login, LoginPage],
  [PATHS.forgot, ForgotPasswordPage],
];

const signedIn = (page: ReactNode) => <RequireSignIn>{page}</RequireSignIn>;

export function App() {
  usePageFocus();
  return (
    <Layout>
      <Suspense fallback={<PageSkeleton />}>
        <Switch>
          {OPEN_PAGES.map(([path, Page]) => (
            <Route key={path} path={path}>
              <Page />
            </Route>
          ))}
          <Route path={PATHS.orders}>{signedIn(<OrdersPage />)}</Route>
          <Route path={PATHS.newOrder}>{signedIn(<NewOrderPage />)}</Route>
          <Route path="/pesanan/:id/ebilling">{(p) => signedIn(<BillingPage orderId={p.id} />)}</Route>
          <Route path="/pesanan/:id/survei">{(p) => signedIn(<SurveyPage orderId={p.id} />)}</Route>
          <Route path="/pesanan/:id/perbaiki">
            {(p) => signedIn(<NewOrderPage correctingOrderId={p.id} />)}
          </Route>
          <Route path="/pesanan/:id">{(p) => signedIn(<OrderPage orderId={p.id} />)}</Route>
          <Route path={PATHS.profile}>{signedIn(<ProfilePage />)}</Route>
          <Route>
            <NotFound />
          </Route>
        </Switch>
      </Suspense>
    </Layout>
  );
}
