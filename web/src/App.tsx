import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet, RouterProvider, useLocation } from 'react-router';
import { AppLayout } from './components/AppLayout.js';
import { ErrorAlert, PageLoader } from './components/common.js';
import { DashboardPage } from './pages/DashboardPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { UnitScopeProvider, useMe } from './session.js';

// The landing pages (login, dashboard) are in the main bundle; the others load when opened.
const PlansPage = lazy(() => import('./pages/PlansPage.js').then((m) => ({ default: m.PlansPage })));
const PlanPage = lazy(() => import('./pages/PlanPage.js').then((m) => ({ default: m.PlanPage })));
const TaskPage = lazy(() => import('./pages/TaskPage.js').then((m) => ({ default: m.TaskPage })));
const ImportPage = lazy(() =>
  import('./pages/import/ImportPage.js').then((m) => ({ default: m.ImportPage })),
);
const MyTasksPage = lazy(() => import('./pages/MyTasksPage.js').then((m) => ({ default: m.MyTasksPage })));
const UnitsPage = lazy(() => import('./pages/UnitsPage.js').then((m) => ({ default: m.UnitsPage })));
const UsersPage = lazy(() => import('./pages/UsersPage.js').then((m) => ({ default: m.UsersPage })));
const CalendarPage = lazy(() => import('./pages/CalendarPage.js').then((m) => ({ default: m.CalendarPage })));
const HolidaysPage = lazy(() => import('./pages/HolidaysPage.js').then((m) => ({ default: m.HolidaysPage })));
const DossiersPage = lazy(() =>
  import('./pages/dossier/DossiersPage.js').then((m) => ({ default: m.DossiersPage })),
);
const DossierPage = lazy(() =>
  import('./pages/dossier/DossierPage.js').then((m) => ({ default: m.DossierPage })),
);
const DossierReceivePage = lazy(() =>
  import('./pages/dossier/DossierReceivePage.js').then((m) => ({ default: m.DossierReceivePage })),
);
const DossierFiguresPage = lazy(() =>
  import('./pages/DossierFiguresPage.js').then((m) => ({ default: m.DossierFiguresPage })),
);
const DossierImportPage = lazy(() =>
  import('./pages/dossier/DossierImportPage.js').then((m) => ({ default: m.DossierImportPage })),
);
const ProceduresPage = lazy(() =>
  import('./pages/procedures/ProceduresPage.js').then((m) => ({ default: m.ProceduresPage })),
);
const ReportsPage = lazy(() => import('./pages/ReportsPage.js').then((m) => ({ default: m.ReportsPage })));
const ReportPage = lazy(() => import('./pages/ReportPage.js').then((m) => ({ default: m.ReportPage })));
const SurveysPage = lazy(() => import('./pages/SurveysPage.js').then((m) => ({ default: m.SurveysPage })));
const SurveyPage = lazy(() => import('./pages/SurveyPage.js').then((m) => ({ default: m.SurveyPage })));
const PostsPage = lazy(() => import('./pages/PostsPage.js').then((m) => ({ default: m.PostsPage })));
const PublicSurveyPage = lazy(() =>
  import('./pages/PublicSurveyPage.js').then((m) => ({ default: m.PublicSurveyPage })),
);
// Citizens' pages: no login, no app shell.
const PublicLookupPage = lazy(() =>
  import('./pages/PublicLookupPage.js').then((m) => ({ default: m.PublicLookupPage })),
);
const PublicRatingPage = lazy(() =>
  import('./pages/PublicRatingPage.js').then((m) => ({ default: m.PublicRatingPage })),
);
const NotificationsPage = lazy(() =>
  import('./pages/NotificationsPage.js').then((m) => ({ default: m.NotificationsPage })),
);
const OutboxPage = lazy(() => import('./pages/OutboxPage.js').then((m) => ({ default: m.OutboxPage })));
const FiguresVerifyPage = lazy(() =>
  import('./pages/FiguresVerifyPage.js').then((m) => ({ default: m.FiguresVerifyPage })),
);
const PublicFeedbackPage = lazy(() =>
  import('./pages/PublicFeedbackPage.js').then((m) => ({ default: m.PublicFeedbackPage })),
);
const PublicFeedbackTrackPage = lazy(() =>
  import('./pages/PublicFeedbackTrackPage.js').then((m) => ({ default: m.PublicFeedbackTrackPage })),
);
const PublicFeedbackAnswersPage = lazy(() =>
  import('./pages/PublicFeedbackAnswersPage.js').then((m) => ({ default: m.PublicFeedbackAnswersPage })),
);
const FeedbackPage = lazy(() => import('./pages/FeedbackPage.js').then((m) => ({ default: m.FeedbackPage })));
const FeedbackDetailPage = lazy(() =>
  import('./pages/FeedbackDetailPage.js').then((m) => ({ default: m.FeedbackDetailPage })),
);
const DocumentsPage = lazy(() =>
  import('./pages/documents/DocumentsPage.js').then((m) => ({ default: m.DocumentsPage })),
);
const DocumentDetailPage = lazy(() =>
  import('./pages/documents/DocumentDetailPage.js').then((m) => ({ default: m.DocumentDetailPage })),
);
const VerifyPdfPage = lazy(() =>
  import('./pages/documents/VerifyPdfPage.js').then((m) => ({ default: m.VerifyPdfPage })),
);
const TrustedRootsPage = lazy(() =>
  import('./pages/documents/TrustedRootsPage.js').then((m) => ({ default: m.TrustedRootsPage })),
);
const DocumentImportPage = lazy(() =>
  import('./pages/documents/DocumentImportPage.js').then((m) => ({ default: m.DocumentImportPage })),
);
const RegulationsPage = lazy(() =>
  import('./pages/documents/RegulationsPage.js').then((m) => ({ default: m.RegulationsPage })),
);
const ExchangePage = lazy(() =>
  import('./pages/documents/ExchangePage.js').then((m) => ({ default: m.ExchangePage })),
);
const ParPage = lazy(() => import('./pages/par/ParPage.js').then((m) => ({ default: m.ParPage })));
const ChangePasswordPage = lazy(() =>
  import('./pages/ChangePasswordPage.js').then((m) => ({ default: m.ChangePasswordPage })),
);

/** Pages behind the login: the app shell once the user is known, the login page otherwise. */
function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoader label="Đang kiểm tra đăng nhập…" />;
  if (me.isError) return <ErrorAlert error={me.error} title="Không tải được thông tin đăng nhập" />;
  if (!me.data) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.data.user.mustChangePassword && location.pathname !== '/password')
    return <Navigate to="/password" replace />;
  return (
    <UnitScopeProvider key={me.data.user.id} me={me.data}>
      <AppLayout>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppLayout>
    </UnitScopeProvider>
  );
}

/**
 * Pages for citizens (the QR code on Mẫu 01, the rating link): outside RequireAuth, so they render
 * without a session and never ask who is signed in.
 */
function PublicPages() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Outlet />
    </Suspense>
  );
}

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <PublicPages />,
    children: [
      { path: 'tra-cuu', element: <PublicLookupPage /> },
      { path: 'tra-cuu/:code', element: <PublicLookupPage /> },
      { path: 'danh-gia/:token', element: <PublicRatingPage /> },
      { path: 'phan-anh', element: <PublicFeedbackPage /> },
      { path: 'phan-anh/theo-doi/:token', element: <PublicFeedbackTrackPage /> },
      { path: 'phan-anh/cong-khai', element: <PublicFeedbackAnswersPage /> },
      { path: 'khao-sat/:slug', element: <PublicSurveyPage /> },
    ],
  },
  {
    element: <RequireAuth />,
    children: [
      { index: true, element: <DashboardPage /> },
      { path: 'plans', element: <PlansPage /> },
      { path: 'plans/:id', element: <PlanPage /> },
      { path: 'tasks/:id', element: <TaskPage /> },
      { path: 'import', element: <ImportPage /> },
      { path: 'my-tasks', element: <MyTasksPage /> },
      { path: 'lich', element: <CalendarPage /> },
      { path: 'lich/ngay-nghi', element: <HolidaysPage /> },
      { path: 'ho-so', element: <DossiersPage /> },
      { path: 'ho-so/tiep-nhan', element: <DossierReceivePage /> },
      { path: 'ho-so/so-lieu', element: <DossierFiguresPage /> },
      { path: 'ho-so/thu-tuc', element: <ProceduresPage /> },
      { path: 'ho-so/nhap-so', element: <DossierImportPage /> },
      { path: 'ho-so/:id', element: <DossierPage /> },
      { path: 'bao-cao', element: <ReportsPage /> },
      { path: 'bao-cao/:unitId/:period', element: <ReportPage /> },
      { path: 'chi-so-cchc', element: <ParPage /> },
      { path: 'chi-so-cchc/:id', element: <ParPage /> },
      { path: 'pakn', element: <FeedbackPage /> },
      { path: 'pakn/:id', element: <FeedbackDetailPage /> },
      { path: 'surveys', element: <SurveysPage /> },
      { path: 'surveys/:id', element: <SurveyPage /> },
      { path: 'tin-cchc', element: <PostsPage /> },
      { path: 'units', element: <UnitsPage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'password', element: <ChangePasswordPage /> },
      { path: 'thong-bao', element: <NotificationsPage /> },
      { path: 'hop-thu-di', element: <OutboxPage /> },
      { path: 'kiem-tra-so-lieu', element: <FiguresVerifyPage /> },
      { path: 'van-ban', element: <DocumentsPage /> },
      { path: 'van-ban/kiem-tra-pdf', element: <VerifyPdfPage /> },
      { path: 'van-ban/chung-thu-goc', element: <TrustedRootsPage /> },
      { path: 'van-ban/nhap-so', element: <DocumentImportPage /> },
      { path: 'van-ban/:id', element: <DocumentDetailPage /> },
      { path: 'quy-che', element: <RegulationsPage /> },
      { path: 'lien-thong', element: <ExchangePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
