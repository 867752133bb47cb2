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
import { FrameworkDiffPage } from './frameworks/FrameworkDiffPage.tsx';
import { FrameworkEditorPage } from './frameworks/FrameworkEditorPage.tsx';
import { FrameworkPreviewPage } from './frameworks/FrameworkPreviewPage.tsx';
import { FrameworksPage } from './frameworks/FrameworksPage.tsx';
import { FrameworkVersionPage } from './frameworks/FrameworkVersionPage.tsx';
import { MyFeedbackPage } from './me/MyFeedbackPage.tsx';
import { AnalyticsPage } from './analytics/AnalyticsPage.tsx';
import { NormGroupPage, NormGroupsPage } from './analytics/NormGroupsPage.tsx';
import { TeamPage } from './analytics/TeamPage.tsx';
import { OrgChartPage } from './people/OrgChartPage.tsx';
import { PeoplePage } from './people/PeoplePage.tsx';
import { NominationsPage } from './me/NominationsPage.tsx';
import { ReportPage } from './reports/ReportPage.tsx';
import { HomePage } from './shell/HomePage.tsx';
import { Layout } from './shell/Layout.tsx';
import { ErrorPage, NotFoundPage, UpcomingPage } from './shell/NotFoundPage.tsx';

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
    children: [
      { index: true, element: <HomePage /> },
      { path: 'my-feedback', element: <MyFeedbackPage /> },
      { path: 'nominations/:participantId', element: <NominationsPage /> },
      { path: 'reports/:participantId', element: <ReportPage /> },
      { path: 'my-development', element: <UpcomingPage title="My development">Development plans with goals, actions and check-ins are not available yet. Your report’s development suggestions are a good place to start.</UpcomingPage> },
      { path: 'my-team', element: <TeamPage /> },
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
          { path: 'norm-groups', element: <NormGroupsPage /> },
          { path: 'norm-groups/:normGroupId', element: <NormGroupPage /> },
          { path: 'people/org-chart', element: <OrgChartPage /> },
          { path: 'frameworks', element: <FrameworksPage /> },
          { path: 'frameworks/:frameworkVersionId', element: <FrameworkVersionPage /> },
          { path: 'frameworks/:frameworkVersionId/edit', element: <FrameworkEditorPage /> },
          { path: 'frameworks/:frameworkVersionId/preview', element: <FrameworkPreviewPage /> },
          { path: 'frameworks/:frameworkVersionId/diff', element: <FrameworkDiffPage /> },
          { path: 'reports', element: <AnalyticsPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
