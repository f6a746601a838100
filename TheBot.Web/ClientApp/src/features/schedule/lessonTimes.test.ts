import { describe, expect, it } from 'vitest';
import { durationChoices, lessonMinutes, nextFullHour } from './lessonTimes';

describe('lesson times', () => {
  it('offers the usual durations, with an unusual current one first so it stays selected', () => {
    expect(durationChoices('60')).toEqual(['30', '45', '60', '90', '120', '180', '240']);
    expect(durationChoices('50')).toEqual(['50', '30', '45', '60', '90', '120', '180', '240']);
  });

  it('measures a lesson in whole minutes', () => {
    expect(lessonMinutes({ startsAt: '2026-12-01T10:00:00Z', endsAt: '2026-12-01T11:30:00Z' })).toBe('90');
  });

  it('offers the next full hour in the user’s zone as a new lesson’s start', () => {
    expect(nextFullHour(new Date('2026-12-01T10:25:13Z'), 'Europe/Moscow').toISOString()).toBe('2026-12-01T11:00:00.000Z');
    // India is UTC+5:30: its next full hour is not UTC's.
    expect(nextFullHour(new Date('2026-12-01T10:25:13Z'), 'Asia/Kolkata').toISOString()).toBe('2026-12-01T10:30:00.000Z');
  });
});
