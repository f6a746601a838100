import { describe, expect, it } from 'vitest';
import { queryString } from './paging';

describe('queryString', () => {
  it('keeps set values and drops empty ones', () => {
    expect(queryString({ page: 2, search: 'ann lee', role: '', active: undefined, x: null })).toBe('?page=2&search=ann+lee');
  });

  it('is empty when nothing is set', () => {
    expect(queryString({ search: '' })).toBe('');
  });

  it('writes booleans', () => {
    expect(queryString({ includeInactive: true })).toBe('?includeInactive=true');
  });
});
