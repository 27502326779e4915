import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Fragment, lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { ApiError, sessionEvents } from './api/clients';
import { useSession, useSessionActions } from './api/session';
import { AREAS } from './areas/areas';
import { ConsoleLayout } from './layout/console-layout';
import { homeOf } from './layout/navigation';

// Loaded when shown: a signed-in desk never needs the sign-in form (antd's Form, Card, Input), nor the sign-in
// page the layout and the home page, so neither weighs on the first load (initial JS goal, docs/benchmarks.md).
const SignInPage = lazy(() =>
  import('./sign-in/sign-in.page').then((module) => ({ default: module.SignInPage })),
);
const HomePage = lazy(() => import('./home/home.page').then((module) => ({ default: module.HomePage })));

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// antd's default greys and red miss WCAG AA contrast on white (axe: color-contrast); these meet 4.5:1.
const THEME = {
  token: {
    colorPrimary: '#1456c8',
    colorInfo: '#1456c8',
    colorLink: '#1456c8',
    // antd's lighter hover shade of the link colour misses 4.5:1; darker on hover instead.
    colorLinkHover: '#0d3f8f',
    colorError: '#c41d1d',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // People who ask their system for less motion get none.
    motion: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
  },
  components: {
    // The derived hover blue of a default button's text is too light on white (about 4.2:1).
    Button: { defaultHoverColor: '#0f47a6', defaultHoverBorderColor: '#0f47a6' },
    // An empty table's text is drawn in the disabled grey (about 1.6:1): it is information, not a disabled control.
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.62)' },
  },
};

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={THEME}>
      <AntApp>
        <QueryClientProvider client={queries}>
          <BrowserRouter basename="/console">
            <SessionRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

function SessionRoutes() {
  const session = useSession();
  const { forget } = useSessionActions();
  useEffect(() => {
    sessionEvents.addEventListener('unauthorized', forget);
    return () => sessionEvents.removeEventListener('unauthorized', forget);
  }, [forget]);
  if (session.isPending) return null;
  const principal = session.data ?? null;
  const publicRoutes = AREAS.map((area) => <Fragment key={area.name}>{area.publicRoutes}</Fragment>);
  if (!principal)
    return (
      <Suspense fallback={<Spin />}>
        <Routes>
          {publicRoutes}
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="*" element={<Navigate to="/sign-in" replace />} />
        </Routes>
      </Suspense>
    );
  return (
    <Suspense fallback={<Spin />}>
      <Routes>
        {publicRoutes}
        <Route element={<ConsoleLayout principal={principal} />}>
          <Route path="/" element={<Navigate to={homeOf(principal)} replace />} />
          <Route path="/home" element={<HomePage principal={principal} />} />
          {AREAS.map((area) => (
            <Fragment key={area.name}>{area.routes}</Fragment>
          ))}
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Suspense>
  );
}
