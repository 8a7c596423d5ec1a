import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAdmin, RequireAuth } from '../auth/guards.tsx';
import { LoadingState } from '../components/States.tsx';
import { LoginPage } from '../pages/auth/LoginPage.tsx';
import { RegisterPage } from '../pages/auth/RegisterPage.tsx';
import { CataloguePage } from '../pages/catalogue/CataloguePage.tsx';
import { NotFoundPage } from '../pages/errors/NotFoundPage.tsx';
import { RouteErrorPage } from '../pages/errors/RouteErrorPage.tsx';
import { InterviewRoom } from '../pages/interview/InterviewRoom.tsx';
import { JobPage } from '../pages/job/JobPage.tsx';
import { OwnJobPage } from '../pages/own-job/OwnJobPage.tsx';
import { SetupPage } from '../pages/setup/SetupPage.tsx';
import { AppLayout } from './AppLayout.tsx';

/**
 * The catalogue-to-interview path is in the first bundle; pages visited later (report,
 * history with its charts, profile, admin) are loaded on demand. Opening one of those directly
 * shows the loading state under the top bar while its code arrives (without a
 * hydrateFallbackElement react-router renders nothing there and warns in the console).
 */
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <CataloguePage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'register', element: <RegisterPage /> },
      { path: 'jobs/:id', element: <JobPage /> },
      {
        // a report opened through its share link: public, read-only, that report only
        path: 'shared/:token',
        hydrateFallbackElement: <LoadingState />,
        lazy: () =>
          import('../pages/shared/SharedReportPage.tsx').then((m) => ({ Component: m.SharedReportPage })),
      },
      {
        element: <RequireAuth />,
        hydrateFallbackElement: <LoadingState />,
        children: [
          { path: 'jobs/:id/practise', element: <SetupPage /> },
          { path: 'practise/own', element: <OwnJobPage /> },
          { path: 'sessions/:id', element: <InterviewRoom /> },
          {
            path: 'sessions/:id/report',
            lazy: () => import('../pages/report/ReportPage.tsx').then((m) => ({ Component: m.ReportPage })),
          },
          {
            path: 'history',
            lazy: () =>
              import('../pages/history/HistoryPage.tsx').then((m) => ({ Component: m.HistoryPage })),
          },
          {
            path: 'profile',
            lazy: () =>
              import('../pages/profile/ProfilePage.tsx').then((m) => ({ Component: m.ProfilePage })),
          },
          {
            path: 'admin',
            element: <RequireAdmin />,
            children: [
              {
                lazy: () =>
                  import('../pages/admin/AdminLayout.tsx').then((m) => ({ Component: m.AdminLayout })),
                children: [
                  { index: true, element: <Navigate to="users" replace /> },
                  {
                    path: 'users',
                    lazy: () =>
                      import('../pages/admin/AdminUsers.tsx').then((m) => ({ Component: m.AdminUsers })),
                  },
                  {
                    path: 'jobs',
                    lazy: () =>
                      import('../pages/admin/AdminJobs.tsx').then((m) => ({ Component: m.AdminJobs })),
                  },
                  {
                    path: 'sessions',
                    lazy: () =>
                      import('../pages/admin/AdminSessions.tsx').then((m) => ({
                        Component: m.AdminSessions,
                      })),
                  },
                ],
              },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
