import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { AccessDeniedPage } from '../features/notfound/AccessDeniedPage';
import { LoadingState } from '../ui/QueryStates';
import type { Role } from './types';
import { useAuth } from './useAuth';

/** Lets signed-in users through; sends everyone else to sign in and back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') {
    return (
      <div className="boot">
        <LoadingState />
      </div>
    );
  }
  if (state.status === 'anonymous') {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  return <>{children}</>;
}

/** Shows a page only to the roles it is for; others get the access-denied page (what happened, and the ways back). */
export function RequireRole({ roles, children }: { roles: readonly Role[] | 'everyone'; children: ReactNode }) {
  const { user } = useAuth();
  if (roles !== 'everyone' && (user === null || !roles.includes(user.role))) {
    return <AccessDeniedPage />;
  }
  return <>{children}</>;
}
