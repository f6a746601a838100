import { describe, expect, it } from 'vitest';
import { totalsRows } from './invoiceChart';

describe('totalsRows', () => {
  it('keeps currencies apart and drops empty ones', () => {
    const rows = totalsRows({
      drafts: 1,
      outstanding: 2,
      overdue: 1,
      paidThisMonth: 1,
      totals: [
        { currency: 'EUR', outstanding: 0, overdue: 0, paidThisMonth: 0 },
        { currency: 'RUB', outstanding: 3000, overdue: 1000, paidThisMonth: 1500 },
      ],
    });
    expect(rows).toEqual([{ currency: 'RUB', outstanding: 3000, overdue: 1000, paidThisMonth: 1500 }]);
  });
});
