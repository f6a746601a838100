import { describe, expect, it } from 'vitest';
import { matchesSearch, sortByLabel } from './collation';

const names = ['teacher 1a2b3c4d', 'Борис Смирнов', 'Anna Lee', 'анна Иванова', 'student 10', 'student 9'];

describe('sortByLabel', () => {
  it('puts Cyrillic names first for a Russian reader, ignoring case', () => {
    expect(sortByLabel(names, (n) => n, 'ru')).toEqual([
      'анна Иванова',
      'Борис Смирнов',
      'Anna Lee',
      'student 9',
      'student 10',
      'teacher 1a2b3c4d',
    ]);
  });

  it('follows the English alphabet for an English reader, numbers as numbers', () => {
    expect(sortByLabel(names, (n) => n, 'en').slice(0, 4)).toEqual(['Anna Lee', 'student 9', 'student 10', 'teacher 1a2b3c4d']);
  });
});

describe('matchesSearch', () => {
  it('finds by any part, ignoring case and ё/е', () => {
    expect(matchesSearch('Пётр Иванов', 'петр', 'ru')).toBe(true);
    expect(matchesSearch('Пётр Иванов', 'ИВАН', 'ru')).toBe(true);
    expect(matchesSearch('Пётр Иванов', 'Сидоров', 'ru')).toBe(false);
    expect(matchesSearch('Anyone', '  ', 'en')).toBe(true);
  });
});
