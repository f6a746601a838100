import type { Schemas } from './schemas';

/**
 * A page of a list endpoint: the API's PagedResult<T>, which the document describes once per item type
 * (PagedResultOfLessonResponse, …). TotalPages is computed, so not "required" there, but always sent.
 */
export type PagedResult<T> = Required<Omit<Schemas['PagedResultOfLessonResponse'], 'items'>> & { items: T[] };

/** A query string from the defined, non-empty values ("?a=1&b=x"), or "" when there are none. */
export function queryString(params: Readonly<Record<string, string | number | boolean | null | undefined>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
