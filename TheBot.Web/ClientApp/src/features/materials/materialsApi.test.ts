import { describe, expect, it } from 'vitest';
import { groupBySubject, minutesSpent, subjectProgress, type Material, type MaterialProgressSummary } from './materialsApi';

const material = (id: string, subject: string) => ({ id, subject: { id: subject, name: subject, color: '#000000' } }) as Material;

describe('materials', () => {
  it('groups by subject in name order and keeps the order within a subject', () => {
    const groups = groupBySubject([material('1', 'Physics'), material('2', 'Algebra'), material('3', 'Physics')]);
    expect(groups.map(([subject]) => subject)).toEqual(['Algebra', 'Physics']);
    expect(groups[1]?.[1].map((m) => m.id)).toEqual(['1', '3']);
  });

  it('has no groups for no materials', () => {
    expect(groupBySubject([])).toEqual([]);
  });
});

const row = (subject: string, materials: number, completed: number, secondsSpent: number) =>
  ({ subject: { id: subject, name: subject, color: '#000000' }, materials, completed, secondsSpent }) as MaterialProgressSummary;

describe('material progress', () => {
  it('adds up a subject over its teachers and rounds the share down', () => {
    expect(subjectProgress([row('Physics', 2, 1, 60), row('Algebra', 5, 5, 10), row('Physics', 1, 1, 90)], 'Physics')).toEqual({
      materials: 3,
      completed: 2,
      secondsSpent: 150,
      percent: 66,
    });
  });

  it('is nothing for a subject without materials', () => {
    expect(subjectProgress([], 'Physics')).toEqual({ materials: 0, completed: 0, secondsSpent: 0, percent: 0 });
  });

  it('counts whole minutes', () => {
    expect([minutesSpent(0), minutesSpent(59), minutesSpent(60), minutesSpent(3599)]).toEqual([0, 0, 1, 59]);
  });
});
