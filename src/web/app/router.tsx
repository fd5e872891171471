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
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
