import { describe, expect, it } from 'vitest';
import { shiftWeek, toDraftItems } from './studyPlansApi';

describe('shiftWeek', () => {
  it('moves by whole weeks across months and years', () => {
    expect(shiftWeek('2026-12-28', 1)).toBe('2027-01-04');
    expect(shiftWeek('2027-01-04', -1)).toBe('2026-12-28');
    expect(shiftWeek('2026-03-30', 0)).toBe('2026-03-30');
  });
});

describe('toDraftItems', () => {
  it('keeps ids and turns missing text into empty fields', () => {
    expect(toDraftItems(undefined)).toEqual([]);
  });
});
