import { describe, expect, it } from 'vitest';
import { ApiError, parseRetryAfter } from './ApiError';
import { fieldErrorsOf, readProblemDetails, toClientFieldName, toProblemDetails } from './problemDetails';

describe('problem details', () => {
  it('keeps the standard members and the validation errors of an RFC 9457 body', async () => {
    const response = new Response(
      JSON.stringify({
        type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
        title: 'One or more validation errors occurred.',
        status: 400,
        errors: { Email: ['The Email field is required.'], 'Profile.TimeZone': ['Unknown time zone.'] },
        traceId: '00-abc',
      }),
      { status: 400, headers: { 'Content-Type': 'application/problem+json; charset=utf-8' } },
    );

    const problem = await readProblemDetails(response);

    expect(problem.title).toBe('One or more validation errors occurred.');
    expect(problem.status).toBe(400);
    expect(problem.traceId).toBe('00-abc');
    expect(fieldErrorsOf(problem)).toEqual({
      email: ['The Email field is required.'],
      'profile.timeZone': ['Unknown time zone.'],
    });
  });

  it('maps server field names to the client form field names', () => {
    expect(toClientFieldName('Email')).toBe('email');
    expect(toClientFieldName('$.email')).toBe('email');
    expect(toClientFieldName('$.desiredRole')).toBe('desiredRole');
    expect(toClientFieldName('Items[0].Name')).toBe('items[0].name');
    expect(toClientFieldName('')).toBe('');
  });

  it('merges messages of keys that name the same field', () => {
    const problem = toProblemDetails({ errors: { Email: ['Required.'], email: ['Invalid.'] } }, 400);
    expect(fieldErrorsOf(problem)).toEqual({ email: ['Required.', 'Invalid.'] });
  });

  it('drops malformed members instead of trusting them', () => {
    const problem = toProblemDetails({ title: 42, detail: 'Nope', errors: { name: 'single message', bad: [1, ''] } }, 409);
    expect(problem.title).toBeUndefined();
    expect(problem.detail).toBe('Nope');
    expect(problem.status).toBe(409);
    expect(problem.errors).toEqual({ name: ['single message'] });
  });

  it('turns a non-JSON error body into a detail, and an empty one into the status text', async () => {
    const text = await readProblemDetails(new Response('Bad gateway', { status: 502, headers: { 'Content-Type': 'text/plain' } }));
    expect(text).toEqual({ status: 502, detail: 'Bad gateway' });

    const empty = await readProblemDetails(new Response(null, { status: 404, statusText: 'Not Found' }));
    expect(empty).toEqual({ status: 404, title: 'Not Found' });
  });

  it('survives a body that claims to be JSON and is not', async () => {
    const response = new Response('<html>', { status: 500, headers: { 'Content-Type': 'application/json' } });
    expect(await readProblemDetails(response)).toEqual({ status: 500 });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:30 GMT', now)).toBe(90);
  });

  it('gives an ApiError the field errors and the wait of a 429', async () => {
    const error = await ApiError.fromResponse(
      new Response(JSON.stringify({ title: 'Too Many Requests', status: 429 }), {
        status: 429,
        headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '12' },
      }),
    );
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(12);
    expect(error.hasFieldErrors).toBe(false);
    expect(error.message).toBe('Too Many Requests');
  });
});
