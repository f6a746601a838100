import { describe, expect, it } from 'vitest';
import { groupBySubject, type Material } from './materialsApi';

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
