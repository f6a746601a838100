import { describe, expect, it } from 'vitest';
import { formatDate } from './dates';

describe('formatDate', () => {
  it('keeps the calendar day whatever the time zone', () => {
    expect(formatDate('2026-01-05', 'en')).toBe('5 Jan 2026');
  });

  it('writes Russian dates', () => {
    expect(formatDate('2026-01-05', 'ru')).toMatch(/^5 янв\.? 2026/);
  });

  it('leaves other text alone', () => {
    expect(formatDate('soon', 'en')).toBe('soon');
  });
});
