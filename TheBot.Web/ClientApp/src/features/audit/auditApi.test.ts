import { describe, expect, it } from 'vitest';
import { queryString } from '../../api/paging';
import { auditQueryParams, emptyAuditFilter, isIdFilter, type AuditFilter } from './auditApi';

const auditQueryString = (filter: AuditFilter) => queryString(auditQueryParams(filter));

describe('auditQueryParams', () => {
  it('sends only what is set, with whole UTC days', () => {
    const query = auditQueryString({ ...emptyAuditFilter, entityType: 'invoice', from: '2026-12-01', to: '2026-12-07', page: 2 });
    const params = new URLSearchParams(query.slice(1));
    expect(params.get('entityType')).toBe('invoice');
    expect(params.get('from')).toBe('2026-12-01T00:00:00Z');
    expect(params.get('to')).toBe('2026-12-08T00:00:00.000Z');
    expect(params.get('page')).toBe('2');
    expect(params.has('action')).toBe(false);
  });

  it('leaves out an id that is not a whole GUID', () => {
    const params = new URLSearchParams(auditQueryString({ ...emptyAuditFilter, actorId: '1234' }).slice(1));
    expect(params.has('actorId')).toBe(false);
    expect(isIdFilter('1234')).toBe(false);
    expect(isIdFilter('0193a5d2-7c1e-7000-8000-000000000001')).toBe(true);
  });
});
