export const ROLES = ['student', 'teacher', 'tutor', 'parent', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The signed-in person as POST /api/auth/login and /refresh describe them. */
export interface AuthUser {
  id: string;
  email: string;
  fullName: string;
  role: Role;
}

/** The body of POST /api/auth/login and POST /api/auth/refresh. */
export interface AuthSession {
  accessToken: string;
  /** ISO-8601 instant the access token stops being accepted. */
  expiresAt: string;
  user: AuthUser;
}

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'anonymous' }
  | { readonly status: 'authenticated'; readonly session: AuthSession };
