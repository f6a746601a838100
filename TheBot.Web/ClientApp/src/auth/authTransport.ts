import { ApiError } from '../api/ApiError';
import { readResponse } from '../api/ApiClient';
import type { AuthSession } from './types';

/** The session endpoints, called without the API client's 401 → refresh → retry logic. */
export interface AuthTransport {
  login(email: string, password: string): Promise<AuthSession>;
  /** Renews the session with the HttpOnly refresh cookie; null when there is no valid session. */
  refresh(): Promise<AuthSession | null>;
  logout(accessToken: string | null): Promise<void>;
  logoutAll(accessToken: string | null): Promise<void>;
}

export function createAuthTransport(fetchFn: typeof fetch = (input, init) => globalThis.fetch(input, init)): AuthTransport {
  const post = async (path: string, body?: unknown, accessToken?: string | null): Promise<Response> => {
    const headers = new Headers({ Accept: 'application/json' });
    if (body !== undefined) {
      headers.set('Content-Type', 'application/json');
    }
    if (accessToken) {
      headers.set('Authorization', `Bearer ${accessToken}`);
    }
    const init: RequestInit = { method: 'POST', headers, credentials: 'same-origin' };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
    }
    try {
      return await fetchFn(path, init);
    } catch (error) {
      throw ApiError.network(error);
    }
  };

  return {
    login: async (email, password) => readResponse<AuthSession>(await post('/api/auth/login', { email, password })),
    refresh: async () => {
      const response = await post('/api/auth/refresh');
      // 401/403: no session. 404: the API is not deployed yet. Either way, nobody is signed in.
      if (response.status === 401 || response.status === 403 || response.status === 404) {
        return null;
      }
      return readResponse<AuthSession>(response);
    },
    logout: async (accessToken) => {
      await readResponse<void>(await post('/api/auth/logout', undefined, accessToken));
    },
    logoutAll: async (accessToken) => {
      await readResponse<void>(await post('/api/auth/logout-all', undefined, accessToken));
    },
  };
}
