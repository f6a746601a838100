import { Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAuth, RequireRole } from '../auth/RequireAuth';
import { ApplicationFormPage } from '../features/applications/ApplicationFormPage';
import { ApplicationStatusPage } from '../features/applications/ApplicationStatusPage';
import { RedeemInvitationPage } from '../features/family/RedeemInvitationPage';
import { NotFoundPage } from '../features/notfound/NotFoundPage';
import { SandboxPaymentPage } from '../features/payments/SandboxPaymentPage';
import { ForgotPasswordPage } from '../features/signin/ForgotPasswordPage';
import { ResetPasswordPage } from '../features/signin/ResetPasswordPage';
import { SignInPage } from '../features/signin/SignInPage';
import { AppShell } from '../layout/AppShell';
import { PublicLayout } from '../layout/PublicLayout';
import { LoadingState } from '../ui/QueryStates';
import { featureRoutes } from './featureRoutes';

/** Public pages, then the signed-in app whose pages come from {@link featureRoutes}. */
export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <PublicLayout />,
      children: [
        { path: 'sign-in', element: <SignInPage /> },
        { path: 'forgot-password', element: <ForgotPasswordPage /> },
        { path: 'reset-password', element: <ResetPasswordPage /> },
        { path: 'apply', element: <ApplicationFormPage /> },
        { path: 'applications/:token', element: <ApplicationStatusPage /> },
        { path: 'invitation', element: <RedeemInvitationPage /> },
        { path: 'payments/sandbox/:paymentId', element: <SandboxPaymentPage /> },
      ],
    },
    {
      element: (
        <RequireAuth>
          <AppShell />
        </RequireAuth>
      ),
      children: [
        { index: true, element: <Navigate to="/dashboard" replace /> },
        ...featureRoutes.map(({ path, roles, Page }) => ({
          path,
          element: (
            <RequireRole roles={roles}>
              <Suspense fallback={<LoadingState />}>
                <Page />
              </Suspense>
            </RequireRole>
          ),
        })),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
