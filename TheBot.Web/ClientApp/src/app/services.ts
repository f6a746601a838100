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

  // Nothing cached for one person may be shown to the next one using this tab.
  session.subscribe(() => {
    if (session.getState().status === 'anonymous') {
      queryClient.clear();
    }
  });

  return { session, api, queryClient };
}
