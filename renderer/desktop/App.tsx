/**
 * The desktop app: the login screen until someone signs in, then the frame (top bar, navigation,
 * rejected-change banner) around the screen of the current address.
 */
import { lazy, Suspense, useCallback, useEffect } from 'react';
import { Redirect, Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { useQueryClient, type Query } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useBridgeEvent } from '../bridge/hooks';
import { Frame } from './frame/Frame';
import { LoginScreen } from './screens/login/LoginScreen';
import { WorklistScreen } from './screens/worklist/WorklistScreen';
import { ONLINE_SCREENS } from './screens/online/online-routes';
import { homeOf, ROUTES } from './routes';
import { SETTINGS_KEY, useSession, useSettings } from './session';
import { BootScreen } from './frame/BootScreen';
import { TableSkeleton } from '../components/TableSkeleton';

// The sample and signing screens (the result grid, pdf.js) load when first opened: the worklist,
// where every user starts, then parses a bundle without them (bench `ui`: navigation → interactive).
const SampleScreen = lazy(() =>
  import('./screens/sample/SampleScreen').then((m) => ({ default: m.SampleScreen })),
);
const SigningScreen = lazy(() =>
  import('./screens/signing/SigningScreen').then((m) => ({ default: m.SigningScreen })),
);

export function App() {
  const { session, loading } = useSession();
  const qc = useQueryClient();
  const { i18n } = useTranslation();

  // The language is a setting of this workstation (read once with the session, see session.tsx).
  const language = useSettings().data?.language;
  useEffect(() => {
    if (language) void i18n.changeLanguage(language);
  }, [i18n, language]);

  // The working copy moved (a pull, a local action elsewhere): every list reloads. The settings
  // did not move with it: refetching them would only queue a call in front of the lists.
  // A first fetch still in flight when the event comes would otherwise be kept (TanStack dedupes a
  // refetch of a query that has no data yet): cancel it first, so the lists ask again.
  const onData = useCallback(() => {
    const predicate = (q: Query) => q.queryKey[0] !== SETTINGS_KEY[0];
    void qc
      .cancelQueries({
        predicate: (q) => predicate(q) && q.state.data === undefined && q.state.fetchStatus === 'fetching',
      })
      .then(() => qc.invalidateQueries({ predicate }));
  }, [qc]);
  useBridgeEvent('data.changed', onData);

  if (loading) return <BootScreen />;
  if (!session) return <LoginScreen />;
  return (
    <Router hook={useHashLocation}>
      <Frame>
        <Suspense fallback={<TableSkeleton rows={10} />}>
          <Switch>
            <Route path={ROUTES.work}>{() => <WorklistScreen mode="work" />}</Route>
            <Route path={ROUTES.samples}>{() => <WorklistScreen mode="all" />}</Route>
            <Route path={ROUTES.samplePattern}>
              {(p) => <SampleScreen orderId={p.orderId} sampleId={p.sampleId} />}
            </Route>
            <Route path={ROUTES.signing}>{() => <SigningScreen />}</Route>
            {ONLINE_SCREENS.map(({ path, Screen }) => (
              <Route key={path} path={path} component={Screen} />
            ))}
            <Route>
              <Redirect to={homeOf(session.user.role)} />
            </Route>
          </Switch>
        </Suspense>
      </Frame>
    </Router>
  );
}
