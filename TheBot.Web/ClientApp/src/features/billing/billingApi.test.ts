import { describe, expect, it } from 'vitest';
import { statusTone } from './billingApi';

describe('statusTone', () => {
  it('shows paid as good news, due as a warning, and overdue or unpaid as needing action', () => {
    expect(statusTone('paid')).toBe('approved');
    expect(statusTone('due')).toBe('pending');
    expect(statusTone('overdue')).toBe('rejected');
    expect(statusTone('unpaid')).toBe('rejected');
  });
});
