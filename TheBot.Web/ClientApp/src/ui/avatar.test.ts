import { describe, expect, it } from 'vitest';
import { AVATAR_COLOURS, avatarColourIndex, contrastRatio, initialsOf } from './avatar';

describe('initialsOf', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initialsOf('Анна Белова')).toBe('АБ');
    expect(initialsOf('ivan petrovich sidorov')).toBe('IS');
    expect(initialsOf('  Maria   ')).toBe('M');
  });

  it('skips what is not a letter and copes with odd names', () => {
    expect(initialsOf('(Olga) Ivanova')).toBe('OI');
    expect(initialsOf('student-42@tests.thebot.local')).toBe('SL');
    expect(initialsOf('')).toBe('?');
    expect(initialsOf('Ёжик Ветров')).toBe('ЁВ');
    expect(initialsOf('😀 Smile')).toBe('😀S');
  });
});

describe('avatarColourIndex', () => {
  it('gives the same person the same colour every time', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(avatarColourIndex(id)).toBe(avatarColourIndex(id));
  });

  it('spreads people over the palette', () => {
    const used = new Set<number>();
    for (let i = 0; i < 200; i++) {
      used.add(avatarColourIndex(`00000000-0000-4000-8000-${i.toString().padStart(12, '0')}`));
    }
    expect(used.size).toBe(AVATAR_COLOURS.length);
  });
});

describe('avatar colours', () => {
  it('keep white initials at WCAG AA contrast (4.5:1)', () => {
    for (const colour of AVATAR_COLOURS) {
      expect(contrastRatio('#ffffff', colour), colour).toBeGreaterThanOrEqual(4.5);
    }
  });
});
