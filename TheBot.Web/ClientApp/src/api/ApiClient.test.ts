import { describe, expect, it, vi } from 'vitest';
import { ApiClient, fileNameOf, type AccessTokenSource } from './ApiClient';
import { ApiError } from './ApiError';

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

class FakeTokens implements AccessTokenSource {
  refreshes = 0;
  constructor(
    public token: string | null,
    private readonly renewTo: string | null,
  ) {}
  getAccessToken() {
    return this.token;
  }
  async refreshAfterUnauthorized() {
    this.refreshes++;
    this.token = this.renewTo;
    return this.renewTo !== null;
  }
}

function authorizationOf(call: unknown[] | undefined): string | null {
  const init = call?.[1] as RequestInit | undefined;
  return new Headers(init?.headers).get('Authorization');
}

describe('ApiClient', () => {
  it('sends the bearer token, JSON and the UI language', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(json(200, { ok: true }));
    const api = new ApiClient({ tokens: new FakeTokens('t1', null), language: () => 'ru', fetch });

    const result = await api.post<{ ok: boolean }>('/api/things', { name: 'x' });

    expect(result).toEqual({ ok: true });
    const init = fetch.mock.calls[0]?.[1] as RequestInit;
    const headers = new Headers(init.headers);
    expect(headers.get('Authorization')).toBe('Bearer t1');
    expect(headers.get('Accept-Language')).toBe('ru');
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(init.body).toBe('{"name":"x"}');
    expect(init.credentials).toBe('same-origin');
  });

  it('answers a 401 by refreshing the session once and retrying with the new token', async () => {
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockResolvedValueOnce(json(401, { title: 'Unauthorized', status: 401 }))
      .mockResolvedValueOnce(json(200, { id: 1 }));
    const tokens = new FakeTokens('expired', 'fresh');
    const api = new ApiClient({ tokens, language: () => 'en', fetch });

    await expect(api.get('/api/things/1')).resolves.toEqual({ id: 1 });

    expect(tokens.refreshes).toBe(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(authorizationOf(fetch.mock.calls[0])).toBe('Bearer expired');
    expect(authorizationOf(fetch.mock.calls[1])).toBe('Bearer fresh');
  });

  it('gives up after one retry: a second 401 is the caller’s error', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockImplementation(async () => json(401, { title: 'Unauthorized', status: 401 }));
    const tokens = new FakeTokens('a', 'b');
    const api = new ApiClient({ tokens, language: () => 'en', fetch });

    const error = await api.get('/api/things').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(tokens.refreshes).toBe(1);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('does not retry when the session could not be renewed', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(json(401, { status: 401 }));
    const tokens = new FakeTokens('a', null);
    const api = new ApiClient({ tokens, language: () => 'en', fetch });

    await expect(api.get('/api/things')).rejects.toMatchObject({ status: 401 });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('never sends a token or refreshes for anonymous calls', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(json(401, { status: 401 }));
    const tokens = new FakeTokens('secret', 'other');
    const api = new ApiClient({ tokens, language: () => 'en', fetch });

    await expect(api.post('/api/applications', {}, { anonymous: true })).rejects.toMatchObject({ status: 401 });
    expect(authorizationOf(fetch.mock.calls[0])).toBeNull();
    expect(tokens.refreshes).toBe(0);
  });

  it('throws problem details with field errors for a 400', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(
      new Response(JSON.stringify({ status: 400, title: 'Invalid', errors: { Email: ['Taken.'] } }), {
        status: 400,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    );
    const api = new ApiClient({ tokens: new FakeTokens(null, null), language: () => 'en', fetch });

    const error = (await api.post('/api/applications', {}).catch((e: unknown) => e)) as ApiError;

    expect(error.status).toBe(400);
    expect(error.fieldErrors).toEqual({ email: ['Taken.'] });
  });

  it('returns undefined for 204 and reports a failed network as status 0', async () => {
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockResolvedValueOnce(new Response(null, { status: 204 }))
      .mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const api = new ApiClient({ tokens: new FakeTokens('t', null), language: () => 'en', fetch });

    await expect(api.delete('/api/auth/sessions/1')).resolves.toBeUndefined();
    await expect(api.get('/api/dashboard')).rejects.toMatchObject({ status: 0, isNetworkError: true });
  });
});

describe('downloads', () => {
  it('fetches a file with the token, renewing the session once on a 401', async () => {
    const file = new Response('xlsx-bytes', {
      status: 200,
      headers: { 'Content-Disposition': 'attachment; filename=invoices.xlsx; filename*=UTF-8\'\'%D1%81%D1%87%D0%B5%D1%82%D0%B0.xlsx' },
    });
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValueOnce(json(401, {})).mockResolvedValueOnce(file);
    const tokens = new FakeTokens('old', 'new');
    const api = new ApiClient({ tokens, language: () => 'en', fetch });

    const downloaded = await api.download('/api/invoices/export');

    expect(await downloaded.blob.text()).toBe('xlsx-bytes');
    expect(downloaded.fileName).toBe('счета.xlsx');
    expect(authorizationOf(fetch.mock.calls[1])).toBe('Bearer new');
  });

  it('reports a refused download as an ApiError', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(json(403, { title: 'Forbidden', status: 403 }));
    const api = new ApiClient({ tokens: new FakeTokens('t', null), language: () => 'en', fetch });

    await expect(api.download('/api/invoices/export')).rejects.toBeInstanceOf(ApiError);
  });
});

describe('fileNameOf', () => {
  it.each([
    [null, null],
    ['attachment', null],
    ['attachment; filename="invoices 2026.xlsx"', 'invoices 2026.xlsx'],
    ['attachment; filename=invoices.xlsx', 'invoices.xlsx'],
    ["attachment; filename=a.xlsx; filename*=UTF-8''%C3%A9t%C3%A9.xlsx", 'été.xlsx'],
  ])('%s → %s', (header, name) => {
    expect(fileNameOf(header)).toBe(name);
  });
});
