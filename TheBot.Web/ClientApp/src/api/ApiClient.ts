import { ApiError } from './ApiError';

/** Where the API client gets its bearer token, and how it renews one the server refused. */
export interface AccessTokenSource {
  /** The current access token, or null when nobody is signed in. */
  getAccessToken(): string | null;
  /** Renews the session once (concurrent callers share one renewal). True when a fresh token is ready. */
  refreshAfterUnauthorized(): Promise<boolean>;
}

export interface ApiClientOptions {
  tokens: AccessTokenSource;
  /** The UI language, sent as Accept-Language so server messages match it. */
  language: () => string;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Public endpoints: no bearer token, and a 401 is not retried. */
  anonymous?: boolean;
}

/**
 * A small typed client for TheBot's API: JSON in and out, the bearer token attached, a 401 answered by
 * one session refresh and one retry, and every failure thrown as an {@link ApiError} with problem details.
 */
export class ApiClient {
  private readonly tokens: AccessTokenSource;
  private readonly language: () => string;
  private readonly fetchFn: typeof fetch;

  constructor(options: ApiClientOptions) {
    this.tokens = options.tokens;
    this.language = options.language;
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  get<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.send<T>('GET', path, undefined, options);
  }

  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.send<T>('POST', path, body, options);
  }

  put<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.send<T>('PUT', path, body, options);
  }

  patch<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.send<T>('PATCH', path, body, options);
  }

  delete<T = void>(path: string, options?: RequestOptions): Promise<T> {
    return this.send<T>('DELETE', path, undefined, options);
  }

  /** A file the API produces (exports): its bytes and the name the server suggested. */
  async download(path: string, options: RequestOptions = {}): Promise<DownloadedFile> {
    let response = await this.attempt('GET', path, undefined, options);
    if (response.status === 401 && options.anonymous !== true && (await this.tokens.refreshAfterUnauthorized())) {
      response = await this.attempt('GET', path, undefined, options);
    }
    if (!response.ok) {
      throw await ApiError.fromResponse(response);
    }
    return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition')) };
  }

  async send<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    const anonymous = options.anonymous ?? false;
    let response = await this.attempt(method, path, body, options);
    if (response.status === 401 && !anonymous && (await this.tokens.refreshAfterUnauthorized())) {
      response = await this.attempt(method, path, body, options);
    }
    return readResponse<T>(response);
  }

  private async attempt(method: string, path: string, body: unknown, options: RequestOptions): Promise<Response> {
    const headers = new Headers({ Accept: 'application/json', 'Accept-Language': this.language() });
    const token = options.anonymous === true ? null : this.tokens.getAccessToken();
    if (token !== null) {
      headers.set('Authorization', `Bearer ${token}`);
    }
    const init: RequestInit = { method, headers, credentials: 'same-origin' };
    if (body instanceof FormData) {
      init.body = body;
    } else if (body !== undefined) {
      headers.set('Content-Type', 'application/json');
      init.body = JSON.stringify(body);
    }
    if (options.signal !== undefined) {
      init.signal = options.signal;
    }
    try {
      return await this.fetchFn(path, init);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        throw error;
      }
      throw ApiError.network(error);
    }
  }
}

export interface DownloadedFile {
  blob: Blob;
  fileName: string | null;
}

/** The file name of a Content-Disposition header (RFC 6266: filename* wins over filename). */
export function fileNameOf(disposition: string | null): string | null {
  if (disposition === null) {
    return null;
  }
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended?.[1] !== undefined) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(disposition);
  const name = plain?.[2] ?? plain?.[1];
  return name === undefined ? null : name.trim();
}

/** The body of a successful response (undefined for 204), or the failure as an {@link ApiError}. */
export async function readResponse<T>(response: Response): Promise<T> {
  if (!response.ok) {
    throw await ApiError.fromResponse(response);
  }
  if (response.status === 204 || response.status === 205) {
    return undefined as T;
  }
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}
