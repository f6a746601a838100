import { describe, expect, it } from 'vitest';
import { commonMaxScore } from './bulkGradingApi';

describe('commonMaxScore', () => {
  it('is the lowest maximum of the chosen submissions, or null for none', () => {
    expect(commonMaxScore([{ maxScore: 10 }, { maxScore: 5 }, { maxScore: 100 }])).toBe(5);
    expect(commonMaxScore([])).toBeNull();
  });
});
