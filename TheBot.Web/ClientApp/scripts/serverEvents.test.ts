import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { serverEventNames } from '../src/realtime/serverEvents';

/** The method names in docs/realtime.md's table of server → client events (first column, in backticks). */
function documentedEvents(): string[] {
  const doc = readFileSync(fileURLToPath(new URL('../../../docs/realtime.md', import.meta.url)), 'utf8');
  const section = doc.split('## Events: server → client methods')[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(/^\| `([A-Za-z]+)` \|/gm)].map((match) => match[1] ?? '');
}

describe('server events', () => {
  it('are exactly the events docs/realtime.md lists', () => {
    const documented = documentedEvents();
    expect(documented.length).toBeGreaterThan(10);
    expect([...serverEventNames].sort()).toEqual([...documented].sort());
  });
});
