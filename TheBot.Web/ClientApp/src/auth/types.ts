import { enumValues, type Schemas } from '../api/schemas';

export type Role = Schemas['UserRole'];
export const ROLES = enumValues<Role>()(['student', 'teacher', 'tutor', 'parent', 'admin']);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The signed-in person as POST /api/auth/login and /refresh describe them. */
export type AuthUser = Schemas['UserSummary'];

/** The body of POST /api/auth/login and POST /api/auth/refresh (expiresAt: when the access token stops being accepted). */
export type AuthSession = Schemas['LoginResponse'];

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'anonymous' }
  | { readonly status: 'authenticated'; readonly session: AuthSession };
