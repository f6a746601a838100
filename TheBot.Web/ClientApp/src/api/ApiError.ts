import { fieldErrorsOf, readProblemDetails, type FieldErrors, type ProblemDetails } from './problemDetails';

/** A failed API call: the HTTP status (0 when the network failed) and the server's problem details. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;
  readonly fieldErrors: FieldErrors;
  /** Seconds the server asked us to wait (429/503 Retry-After), when it said. */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, problem: ProblemDetails, retryAfterSeconds: number | null = null) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.fieldErrors = fieldErrorsOf(problem);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    const problem = await readProblemDetails(response);
    return new ApiError(response.status, problem, parseRetryAfter(response.headers.get('Retry-After')));
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError(0, { title: 'Network error', status: 0 });
    error.cause = cause;
    return error;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }

  get hasFieldErrors(): boolean {
    return Object.keys(this.fieldErrors).some((field) => field !== '');
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') {
    return null;
  }
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number.parseInt(trimmed, 10);
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}
