import type { ApiClient } from '../../api/ApiClient';

/** Asks for a reset link by e-mail. The server answers 202 whether or not the address has an account. */
export function requestPasswordReset(api: ApiClient, email: string): Promise<void> {
  return api.post<void>('/api/auth/password-reset', { email });
}

/** Sets the new password with the link's token; the server then ends every session of the account. */
export function confirmPasswordReset(api: ApiClient, token: string, newPassword: string): Promise<void> {
  return api.post<void>('/api/auth/password-reset/confirm', { token, newPassword });
}
