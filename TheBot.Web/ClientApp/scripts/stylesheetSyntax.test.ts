import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// A rule left without its closing brace does not break the build: the bundler reads every rule after it as nested in
// it, so they silently stop applying (the row menus lost their 44 px width that way). Plain rules here never nest.
const css = readFileSync(new URL('../src/styles/global.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** Each block's prelude (selector or at-rule) with the prelude of the block it sits in. */
function blocks(source: string): { prelude: string; parent: string | null }[] {
  const found: { prelude: string; parent: string | null }[] = [];
  const open: string[] = [];
  let text = '';
  for (const char of source) {
    if (char === '{') {
      const prelude = (text.split(';').pop() ?? '').trim();
      found.push({ prelude, parent: open.at(-1) ?? null });
      open.push(prelude);
      text = '';
    } else if (char === '}') {
      if (open.pop() === undefined) {
        found.push({ prelude: '} without {', parent: null });
      }
      text = '';
    } else {
      text += char;
    }
  }
  open.forEach((prelude) => found.push({ prelude: `${prelude} (never closed)`, parent: null }));
  return found;
}

describe('global.css', () => {
  it('closes every block it opens', () => {
    expect(blocks(css).filter(({ prelude }) => prelude.endsWith('(never closed)') || prelude === '} without {')).toEqual([]);
  });

  it('nests rules only inside at-rules (@media, @supports, @keyframes…), never inside another rule', () => {
    const nested = blocks(css).filter(({ parent }) => parent !== null && !parent.startsWith('@'));
    expect(nested.map(({ prelude, parent }) => `${parent} > ${prelude}`)).toEqual([]);
  });
});
