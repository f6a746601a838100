import { useCallback, useSyncExternalStore } from 'react';
import { useServices } from '../services/ServicesContext';
import type { AuthUser, SessionState } from './types';

export interface Auth {
  state: SessionState;
  user: AuthUser | null;
  getAccessToken(): string | null;
  signIn(email: string, password: string): Promise<AuthUser>;
  signOut(): Promise<void>;
  signOutEverywhere(): Promise<void>;
}

/** The session as React sees it; re-renders when someone signs in or out. */
export function useAuth(): Auth {
  const { session } = useServices();
  const state = useSyncExternalStore(session.subscribe, session.getState);
  const getAccessToken = useCallback(() => session.getAccessToken(), [session]);
  const signIn = useCallback((email: string, password: string) => session.signIn(email, password), [session]);
  const signOut = useCallback(() => session.signOut(), [session]);
  const signOutEverywhere = useCallback(() => session.signOutEverywhere(), [session]);
  return {
    state,
    user: state.status === 'authenticated' ? state.session.user : null,
    getAccessToken,
    signIn,
    signOut,
    signOutEverywhere,
  };
}
