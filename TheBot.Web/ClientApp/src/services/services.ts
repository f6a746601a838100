import { QueryClient } from '@tanstack/react-query';
import { ApiClient } from '../api/ApiClient';
import { shouldRetryQuery } from '../api/queryRetry';
import { createAuthTransport } from '../auth/authTransport';
import { browserSignOutChannel } from '../auth/crossTab';
import { SessionManager } from '../auth/SessionManager';

/** The app's long-lived objects, created once per tab and handed to React through context. */
export interface Services {
  session: SessionManager;
  api: ApiClient;
  queryClient: QueryClient;
}

export function createServices(): Services {
  const session = new SessionManager({ transport: createAuthTransport(), signOutChannel: browserSignOutChannel() });
  const api = new ApiClient({ tokens: session, language: () => document.documentElement.lang || 'en' });
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetryQuery, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });

  // Nothing cached for one person may be shown to the next one using this tab. Only a sign-out clears the
  // cache: clearing when the first session check finds nobody would silently cancel public pages' queries
  // already in flight (the application status page then stayed "Loading…").
  let signedIn = false;
  session.subscribe(() => {
    const status = session.getState().status;
    if (status === 'authenticated') {
      signedIn = true;
    } else if (status === 'anonymous' && signedIn) {
      signedIn = false;
      queryClient.clear();
    }
  });

  return { session, api, queryClient };
}
