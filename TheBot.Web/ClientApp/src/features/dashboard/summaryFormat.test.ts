import { describe, expect, it } from 'vitest';
import { columnsOf, humanizeKey, isIsoDateTime } from './summaryFormat';

describe('dashboard summary formatting', () => {
  it('turns JSON keys into labels', () => {
    expect(humanizeKey('nextLesson')).toBe('Next lesson');
    expect(humanizeKey('unread_count')).toBe('Unread count');
  });

  it('recognises ISO-8601 instants only', () => {
    expect(isIsoDateTime('2026-03-01T10:00:00Z')).toBe(true);
    expect(isIsoDateTime('2026-03-01T10:00:00.123+03:00')).toBe(true);
    expect(isIsoDateTime('2026-03-01')).toBe(false);
    expect(isIsoDateTime('12')).toBe(false);
  });

  it('collects table columns from every row', () => {
    expect(columnsOf([{ a: 1 }, { b: 2, a: 3 }])).toEqual(['a', 'b']);
  });
});
