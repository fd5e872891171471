import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { FullPageSpinner } from '../ui/FullPageSpinner';
import { AppLayout } from './AppLayout';
import { RequireAuth } from './RequireAuth';
import { RoleGate } from './RoleGate';

// Every page is its own chunk: the first load carries only the shell (see FIELD-NOTES on bundle size).
const LoginPage = lazy(() => import('../pages/LoginPage').then((m) => ({ default: m.LoginPage })));
const HomePage = lazy(() => import('../pages/HomePage').then((m) => ({ default: m.HomePage })));
const UsersPage = lazy(() => import('../pages/UsersPage').then((m) => ({ default: m.UsersPage })));
const UnitsPage = lazy(() => import('../pages/UnitsPage').then((m) => ({ default: m.UnitsPage })));
const RegionsPage = lazy(() => import('../pages/RegionsPage').then((m) => ({ default: m.RegionsPage })));
const AuditPage = lazy(() => import('../pages/AuditPage').then((m) => ({ default: m.AuditPage })));
const ProgressPage = lazy(() => import('../pages/ProgressPage').then((m) => ({ default: m.ProgressPage })));
const PlansPage = lazy(() => import('../pages/PlansPage').then((m) => ({ default: m.PlansPage })));
const PlanDetailPage = lazy(() =>
  import('../pages/PlanDetailPage').then((m) => ({ default: m.PlanDetailPage })),
);
const PlanExtractPage = lazy(() =>
  import('../pages/PlanExtractPage').then((m) => ({ default: m.PlanExtractPage })),
);
const ActivitiesPage = lazy(() =>
  import('../pages/ActivitiesPage').then((m) => ({ default: m.ActivitiesPage })),
);
const LedgersPage = lazy(() => import('../pages/LedgersPage').then((m) => ({ default: m.LedgersPage })));
const UnitLedgerPage = lazy(() =>
  import('../pages/UnitLedgerPage').then((m) => ({ default: m.UnitLedgerPage })),
);
const HouseholdsPage = lazy(() =>
  import('../pages/HouseholdsPage').then((m) => ({ default: m.HouseholdsPage })),
);
const HouseholdDetailPage = lazy(() =>
  import('../pages/HouseholdDetailPage').then((m) => ({ default: m.HouseholdDetailPage })),
);
const CasesPage = lazy(() => import('../pages/CasesPage').then((m) => ({ default: m.CasesPage })));
const CaseDetailPage = lazy(() =>
  import('../pages/CaseDetailPage').then((m) => ({ default: m.CaseDetailPage })),
);
const MonitoringPage = lazy(() =>
  import('../pages/MonitoringPage').then((m) => ({ default: m.MonitoringPage })),
);
const ScreeningPage = lazy(() =>
  import('../pages/ScreeningPage').then((m) => ({ default: m.ScreeningPage })),
);
const ScreeningCampaignPage = lazy(() =>
  import('../pages/ScreeningCampaignPage').then((m) => ({ default: m.ScreeningCampaignPage })),
);
const ScreeningFormPage = lazy(() =>
  import('../pages/ScreeningFormPage').then((m) => ({ default: m.ScreeningFormPage })),
);
const NotFoundPage = lazy(() => import('../pages/NotFoundPage').then((m) => ({ default: m.NotFoundPage })));

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={<FullPageSpinner />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'users',
        element: (
          <RoleGate page="users">
            <UsersPage />
          </RoleGate>
        ),
      },
      {
        path: 'units',
        element: (
          <RoleGate page="units">
            <UnitsPage />
          </RoleGate>
        ),
      },
      {
        path: 'regions',
        element: (
          <RoleGate page="regions">
            <RegionsPage />
          </RoleGate>
        ),
      },
      {
        path: 'audit',
        element: (
          <RoleGate page="audit">
            <AuditPage />
          </RoleGate>
        ),
      },
      {
        path: 'progress',
        element: (
          <RoleGate page="progress">
            <ProgressPage />
          </RoleGate>
        ),
      },
      {
        path: 'plans',
        element: (
          <RoleGate page="plans">
            <PlansPage />
          </RoleGate>
        ),
      },
      {
        path: 'plans/extract',
        element: (
          <RoleGate page="plans">
            <PlanExtractPage />
          </RoleGate>
        ),
      },
      {
        path: 'plans/:id',
        element: (
          <RoleGate page="plans">
            <PlanDetailPage />
          </RoleGate>
        ),
      },
      {
        path: 'activities',
        element: (
          <RoleGate page="activities">
            <ActivitiesPage />
          </RoleGate>
        ),
      },
      {
        path: 'ledgers',
        element: (
          <RoleGate page="ledgers">
            <LedgersPage />
          </RoleGate>
        ),
      },
      {
        path: 'ledgers/:unitId/:year',
        element: (
          <RoleGate page="ledgers">
            <UnitLedgerPage />
          </RoleGate>
        ),
      },
      {
        path: 'households',
        element: (
          <RoleGate page="households">
            <HouseholdsPage />
          </RoleGate>
        ),
      },
      {
        path: 'households/:id',
        element: (
          <RoleGate page="households">
            <HouseholdDetailPage />
          </RoleGate>
        ),
      },
      {
        path: 'cases',
        element: (
          <RoleGate page="cases">
            <CasesPage />
          </RoleGate>
        ),
      },
      {
        path: 'cases/:id',
        element: (
          <RoleGate page="cases">
            <CaseDetailPage />
          </RoleGate>
        ),
      },
      {
        path: 'monitoring',
        element: (
          <RoleGate page="monitoring">
            <MonitoringPage />
          </RoleGate>
        ),
      },
      {
        path: 'screening',
        element: (
          <RoleGate page="screening">
            <ScreeningPage />
          </RoleGate>
        ),
      },
      {
        path: 'screening/:id',
        element: (
          <RoleGate page="screening">
            <ScreeningCampaignPage />
          </RoleGate>
        ),
      },
      {
        path: 'screening/:id/households/:householdId',
        element: (
          <RoleGate page="screening">
            <ScreeningFormPage />
          </RoleGate>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
