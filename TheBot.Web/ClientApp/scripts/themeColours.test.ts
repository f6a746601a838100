import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AVATAR_COLOURS, contrastRatio } from '../src/ui/avatar';

// The stylesheet's colours, read as the browser gets them: each theme's text stays WCAG AA (4.5:1) on its surfaces.
const css = readFileSync(new URL('../src/styles/global.css', import.meta.url), 'utf8');

describe('avatar colours in the stylesheet', () => {
  it('are the ones the stylesheet paints (.avatar--c0 … --c7)', () => {
    AVATAR_COLOURS.forEach((colour, index) => {
      expect(css).toMatch(new RegExp(`\\.avatar--c${index}\\s*\\{\\s*background:\\s*${colour};`, 'i'));
    });
  });
});

describe('theme colours', () => {
  // Pairs of custom properties the stylesheet puts text on: each must read at AA in the light and the dark theme.
  const pairs: [string, string][] = [
    ['--color-text', '--color-background'],
    ['--color-text', '--color-surface'],
    ['--color-muted', '--color-surface'],
    ['--color-muted', '--color-background'],
    ['--color-primary', '--color-surface'],
    ['--color-primary', '--color-background'],
    ['--color-on-primary', '--color-primary'],
    ['--color-on-primary', '--color-primary-dark'],
    ['--color-on-primary', '--color-error'],
    ['--color-primary', '--color-primary-surface'],
    ['--color-error', '--color-error-surface'],
    ['--color-success', '--color-success-surface'],
    ['--color-warning', '--color-warning-surface'],
    ['--color-badge-text', '--color-badge-surface'],
    ['--color-on-count', '--color-count'],
    ['--color-text', '--color-surface-raised'],
  ];
  const light = css.slice(css.indexOf(':root {'), css.indexOf('@media (prefers-color-scheme: dark)'));
  const darkStart = css.indexOf('@media (prefers-color-scheme: dark)');
  const dark = css.slice(darkStart, css.indexOf('\n}\n', darkStart));
  const value = (block: string, name: string) => {
    const match = new RegExp(`${name}:\\s*(#[0-9a-f]{6});`, 'i').exec(block);
    if (match?.[1] === undefined) {
      throw new Error(`${name} is not a #rrggbb colour in the block`);
    }
    return match[1];
  };

  it.each([
    ['light', light],
    ['dark', dark],
  ])('meet 4.5:1 in the %s theme', (_name, block) => {
    for (const [text, background] of pairs) {
      expect(contrastRatio(value(block, text), value(block, background)), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
