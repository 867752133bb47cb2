import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { AdminOnly } from './auth/AdminOnly.tsx';
import { AnswerRoute } from './answering/AnswerRoute.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { AcceptInvitationPage, ForgotPasswordPage, ResetPasswordPage } from './auth/PasswordPages.tsx';
import { OutboxPage } from './admin/OutboxPage.tsx';
import { UsersPage } from './admin/UsersPage.tsx';
import { CycleDetailPage } from './cycles/CycleDetailPage.tsx';
import { CyclesPage } from './cycles/CyclesPage.tsx';
import { NewCyclePage } from './cycles/NewCyclePage.tsx';
import { MyFeedbackPage } from './me/MyFeedbackPage.tsx';
import { OrgChartPage } from './people/OrgChartPage.tsx';
import { PeoplePage } from './people/PeoplePage.tsx';
import { NominationsPage } from './me/NominationsPage.tsx';
import { HomePage } from './shell/HomePage.tsx';
import { Layout } from './shell/Layout.tsx';
import { ErrorPage, NotFoundPage, UpcomingPage } from './shell/NotFoundPage.tsx';

/**
 * Pages with charts (Observable Plot) and the framework editor load on demand, so the
 * rater's page and the log-in page, often opened on a phone, download a fraction of the app.
 */
function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return async () => ({ Component: (await load())[name] });
}
const loading = <p className="page-loading" role="status">Loading…</p>;

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  { path: '/reset-password', element: <ResetPasswordPage /> },
  { path: '/accept-invitation', element: <AcceptInvitationPage /> },
  // Raters answer without an account: the page has no app frame.
  { path: '/r/:token', element: <AnswerRoute /> },
  {
    path: '/',
    element: <Layout />,
    errorElement: <ErrorPage />,
    hydrateFallbackElement: loading,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'my-feedback', element: <MyFeedbackPage /> },
      { path: 'nominations/:participantId', element: <NominationsPage /> },
      { path: 'reports/:participantId', lazy: lazyPage(() => import('./reports/ReportPage.tsx'), 'ReportPage') },
      { path: 'my-development', element: <UpcomingPage title="My development">Development plans with goals, actions and check-ins are not available yet. Your report’s development suggestions are a good place to start.</UpcomingPage> },
      { path: 'my-team', lazy: lazyPage(() => import('./analytics/TeamPage.tsx'), 'TeamPage') },
      { path: 'coachees', element: <UpcomingPage title="Coachees">Reports of the people you coach are listed under My feedback once they are released.</UpcomingPage> },
      {
        element: <AdminOnly />,
        children: [
          { path: 'cycles', element: <CyclesPage /> },
          { path: 'cycles/new', element: <NewCyclePage /> },
          { path: 'cycles/:cycleId', element: <CycleDetailPage /> },
          { path: 'outbox', element: <OutboxPage /> },
          { path: 'users', element: <UsersPage /> },
          { path: 'people', element: <PeoplePage /> },
          { path: 'norm-groups', lazy: lazyPage(() => import('./analytics/NormGroupsPage.tsx'), 'NormGroupsPage') },
          { path: 'norm-groups/:normGroupId', lazy: lazyPage(() => import('./analytics/NormGroupsPage.tsx'), 'NormGroupPage') },
          { path: 'people/org-chart', element: <OrgChartPage /> },
          { path: 'frameworks', lazy: lazyPage(() => import('./frameworks/FrameworksPage.tsx'), 'FrameworksPage') },
          { path: 'frameworks/:frameworkVersionId', lazy: lazyPage(() => import('./frameworks/FrameworkVersionPage.tsx'), 'FrameworkVersionPage') },
          { path: 'frameworks/:frameworkVersionId/edit', lazy: lazyPage(() => import('./frameworks/FrameworkEditorPage.tsx'), 'FrameworkEditorPage') },
          { path: 'frameworks/:frameworkVersionId/preview', lazy: lazyPage(() => import('./frameworks/FrameworkPreviewPage.tsx'), 'FrameworkPreviewPage') },
          { path: 'frameworks/:frameworkVersionId/diff', lazy: lazyPage(() => import('./frameworks/FrameworkDiffPage.tsx'), 'FrameworkDiffPage') },
          { path: 'reports', lazy: lazyPage(() => import('./analytics/AnalyticsPage.tsx'), 'AnalyticsPage') },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
