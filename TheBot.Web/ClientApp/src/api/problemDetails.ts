/** RFC 9457 problem details, as every TheBot API error is shaped. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  /** Validation errors: field name → messages (ASP.NET Core's ValidationProblemDetails). */
  errors?: Record<string, string[]>;
  [extension: string]: unknown;
}

/** Messages per field, keyed by the client's camelCase field path ("email", "items[0].name"). */
export type FieldErrors = Readonly<Record<string, readonly string[]>>;

/** Errors that belong to the form as a whole rather than to one field. */
export const FORM_ERRORS_KEY = '';

export function isProblemJson(contentType: string | null): boolean {
  if (contentType === null) {
    return false;
  }
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/problem+json' || mediaType === 'application/json';
}

/** Turns whatever an error response carried into problem details, never throwing. */
export function toProblemDetails(body: unknown, status: number, statusText = ''): ProblemDetails {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const candidate = body as Record<string, unknown>;
    const problem: ProblemDetails = { ...candidate, status: typeof candidate.status === 'number' ? candidate.status : status };
    const errors = normaliseErrors(candidate.errors);
    if (errors !== undefined) {
      problem.errors = errors;
    } else {
      delete problem.errors;
    }
    for (const key of ['type', 'title', 'detail', 'instance'] as const) {
      if (typeof candidate[key] !== 'string') {
        delete problem[key];
      }
    }
    return problem;
  }
  const problem: ProblemDetails = { status };
  if (statusText !== '') {
    problem.title = statusText;
  }
  if (typeof body === 'string' && body.trim() !== '') {
    problem.detail = body.trim();
  }
  return problem;
}

/** Reads a failed response's body as problem details (JSON or not). */
export async function readProblemDetails(response: Response): Promise<ProblemDetails> {
  let body: unknown = undefined;
  try {
    const text = await response.text();
    if (text !== '') {
      body = isProblemJson(response.headers.get('Content-Type')) ? JSON.parse(text) : text;
    }
  } catch {
    body = undefined;
  }
  return toProblemDetails(body, response.status, response.statusText);
}

/**
 * The validation errors of a problem, keyed the way the client names its fields: the server may answer
 * "Email", "$.email" or "User.Email"; the form field is "email" / "user.email".
 */
export function fieldErrorsOf(problem: ProblemDetails): FieldErrors {
  const result: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(problem.errors ?? {})) {
    const field = toClientFieldName(key);
    result[field] = [...(result[field] ?? []), ...messages];
  }
  return result;
}

export function toClientFieldName(serverKey: string): string {
  const trimmed = serverKey.replace(/^\$\.?/, '').trim();
  return trimmed
    .split('.')
    .filter((segment) => segment !== '')
    .map((segment) => segment.charAt(0).toLowerCase() + segment.slice(1))
    .join('.');
}

function normaliseErrors(value: unknown): Record<string, string[]> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return undefined;
  }
  const errors: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(value as Record<string, unknown>)) {
    const list = (Array.isArray(messages) ? messages : [messages]).filter(
      (message): message is string => typeof message === 'string' && message !== '',
    );
    if (list.length > 0) {
      errors[key] = list;
    }
  }
  return errors;
}
