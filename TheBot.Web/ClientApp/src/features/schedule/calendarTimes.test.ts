import { describe, expect, it } from 'vitest';
import { fromFloating, movedTimes, visibleHours, selectionDraft, SUBJECT_COLOURS, subjectColour, toFloating } from './calendarTimes';

const tokyo = 'Asia/Tokyo';
const newYork = 'America/New_York';

describe('calendar floating times', () => {
  it('hands the calendar the profile zone’s wall clock, not UTC’s or the device’s', () => {
    expect(toFloating('2026-12-07T09:00:00Z', tokyo)).toBe('2026-12-07T18:00:00');
    expect(toFloating('2026-12-07T09:00:00Z', newYork)).toBe('2026-12-07T04:00:00');
    // 23:30 UTC on Sunday is already Monday morning in Tokyo: the lesson goes in Monday's column.
    expect(toFloating('2026-12-06T23:30:00Z', tokyo)).toBe('2026-12-07T08:30:00');
  });

  it('turns a dropped floating time back into the instant in the profile’s zone', () => {
    expect(fromFloating(new Date('2026-12-07T18:00:00Z'), tokyo).toISOString()).toBe('2026-12-07T09:00:00.000Z');
    expect(fromFloating(new Date(toFloating('2026-07-01T15:45:00Z', newYork) + 'Z'), newYork).toISOString()).toBe('2026-07-01T15:45:00.000Z');
  });

  it('reads wall clocks across a DST change in the profile’s zone', () => {
    // New York moves to summer time on 8 March 2026: 10:00 is UTC−5 the day before and UTC−4 that day.
    expect(fromFloating(new Date('2026-03-07T10:00:00Z'), newYork).toISOString()).toBe('2026-03-07T15:00:00.000Z');
    expect(fromFloating(new Date('2026-03-08T10:00:00Z'), newYork).toISOString()).toBe('2026-03-08T14:00:00.000Z');
  });

  it('keeps a moved lesson’s length', () => {
    const lesson = { startsAt: '2026-12-07T09:00:00Z', endsAt: '2026-12-07T10:30:00Z' };
    expect(movedTimes(new Date('2026-12-08T14:00:00Z'), lesson, tokyo)).toEqual({
      startsAt: '2026-12-08T05:00:00.000Z',
      endsAt: '2026-12-08T06:30:00.000Z',
    });
  });

  it('offers the booking form the dragged start and length, at least the shortest lesson', () => {
    expect(selectionDraft(new Date('2026-12-07T14:00:00Z'), new Date('2026-12-07T15:30:00Z'), tokyo)).toEqual({
      startsAt: '2026-12-07T14:00',
      duration: '90',
    });
    expect(selectionDraft(new Date('2026-12-07T14:00:00Z'), new Date('2026-12-07T14:15:00Z'), tokyo).duration).toBe('30');
  });
});

describe('subject colours', () => {
  it('gives a subject the same colour every time, within the palette', () => {
    const id = '3f2b8c1e-9a4d-4e1f-8b2a-6c5d4e3f2a1b';
    expect(subjectColour(id)).toBe(subjectColour(id));
    for (const subject of ['a', 'b', 'c', id, '00000000-0000-0000-0000-000000000000']) {
      expect(subjectColour(subject)).toBeGreaterThanOrEqual(0);
      expect(subjectColour(subject)).toBeLessThan(SUBJECT_COLOURS);
    }
  });

  it('spreads subjects over the palette', () => {
    const colours = new Set(Array.from({ length: 40 }, (_, index) => subjectColour(`subject-${index}`)));
    expect(colours.size).toBeGreaterThan(4);
  });
});

describe('the hours the grid shows', () => {
  it('shows 07:00–22:00 when every lesson is inside', () => {
    expect(visibleHours([])).toEqual({ from: '07:00:00', to: '22:00:00' });
    expect(visibleHours([{ start: '2026-12-07T09:00:00', end: '2026-12-07T10:30:00' }])).toEqual({ from: '07:00:00', to: '22:00:00' });
  });

  it('widens to whole hours around an early or late lesson', () => {
    const events = [
      { start: '2026-12-07T05:30:00', end: '2026-12-07T06:15:00' },
      { start: '2026-12-08T22:00:00', end: '2026-12-08T22:45:00' },
    ];
    expect(visibleHours(events)).toEqual({ from: '05:00:00', to: '23:00:00' });
    expect(visibleHours([{ start: '2026-12-07T23:00:00', end: '2026-12-08T00:00:00' }])).toEqual({ from: '07:00:00', to: '24:00:00' });
  });

  it('shows the whole day when a lesson crosses midnight', () => {
    expect(visibleHours([{ start: '2026-12-07T23:30:00', end: '2026-12-08T00:30:00' }])).toEqual({ from: '00:00:00', to: '24:00:00' });
  });
});
