import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAuth, RequireRole } from '../auth/RequireAuth';
import { NotFoundPage } from '../features/notfound/NotFoundPage';
import { SignInPage } from '../features/signin/SignInPage';
import { PublicLayout } from '../layout/PublicLayout';
import { LoadingState } from '../ui/QueryStates';
import { featureRoutes, preloadPage } from './featureRoutes';

/** The public pages other than sign-in load when opened: the sign-in page's bundle carries only itself. */
const ApplicationFormPage = lazy(() => import('../features/applications/ApplicationFormPage').then((m) => ({ default: m.ApplicationFormPage })));
const ApplicationStatusPage = lazy(() => import('../features/applications/ApplicationStatusPage').then((m) => ({ default: m.ApplicationStatusPage })));
const RedeemInvitationPage = lazy(() => import('../features/family/RedeemInvitationPage').then((m) => ({ default: m.RedeemInvitationPage })));
const SandboxPaymentPage = lazy(() => import('../features/payments/SandboxPaymentPage').then((m) => ({ default: m.SandboxPaymentPage })));
const ForgotPasswordPage = lazy(() => import('../features/signin/ForgotPasswordPage').then((m) => ({ default: m.ForgotPasswordPage })));
const ResetPasswordPage = lazy(() => import('../features/signin/ResetPasswordPage').then((m) => ({ default: m.ResetPasswordPage })));

function publicPage(Page: ComponentType) {
  return (
    <Suspense fallback={<LoadingState />}>
      <Page />
    </Suspense>
  );
}

/**
 * The signed-in frame (navigation, bell, user menu, live status) is its own chunk: the public pages do not
 * download or run it. A signed-in address starts loading it, and the page's own chunk, before the session is back.
 */
const loadShell = () => import('../layout/AppShell').then((m) => ({ default: m.AppShell }));
const AppShell = lazy(loadShell);

/** Loads the shell and the page of a signed-in address at once (nothing for a public one). */
export function preloadSignedIn(pathname: string): void {
  if (preloadPage(pathname) || pathname === '/') {
    void loadShell().catch(() => undefined);
  }
}

/** Public pages, then the signed-in app whose pages come from {@link featureRoutes}. */
export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <PublicLayout />,
      children: [
        { path: 'sign-in', element: <SignInPage /> },
        { path: 'forgot-password', element: publicPage(ForgotPasswordPage) },
        { path: 'reset-password', element: publicPage(ResetPasswordPage) },
        { path: 'apply', element: publicPage(ApplicationFormPage) },
        { path: 'applications/:token', element: publicPage(ApplicationStatusPage) },
        { path: 'invitation', element: publicPage(RedeemInvitationPage) },
        { path: 'payments/sandbox/:paymentId', element: publicPage(SandboxPaymentPage) },
      ],
    },
    {
      element: (
        <RequireAuth>
          <Suspense
            fallback={
              <div className="boot">
                <LoadingState />
              </div>
            }
          >
            <AppShell />
          </Suspense>
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
