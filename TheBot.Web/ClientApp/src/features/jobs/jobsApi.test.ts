import { describe, expect, it } from 'vitest';
import { anyRunning, formatDuration, type Job, type JobRun } from './jobsApi';

const run = (outcome: JobRun['outcome']): JobRun => ({
  id: '1',
  occurrence: 'x',
  outcome,
  attempt: 1,
  manual: false,
  startedAt: '2026-01-01T00:00:00Z',
  finishedAt: null,
  durationMs: null,
  summary: null,
  resultCode: null,
  counts: null,
  error: null,
  retryAt: null,
});

const job = (...runs: JobRun[]): Job => ({ name: 'j', description: '', schedule: '', intervalSeconds: 300, offsetSeconds: 0, nextRunAt: '', lastRun: runs[0] ?? null, recentRuns: runs });

describe('formatDuration', () => {
  it.each([
    [null, '—'],
    [850.4, '850 ms'],
    [12_340, '12.3 s'],
    [125_000, '2 min 5 s'],
  ])('%s → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('anyRunning', () => {
  it('notices a running run', () => {
    expect(anyRunning([job(run('succeeded')), job(run('running'))])).toBe(true);
    expect(anyRunning([job(run('failed')), job()])).toBe(false);
  });
});
