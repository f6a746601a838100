import { describe, expect, it } from 'vitest';
import { elementProblems, moved, newElementDraft, parseNumber, toElementDraft, toElementRequest, withKind } from './elementDraft';

describe('element drafts', () => {
  it('asks a single-choice question for exactly one correct option among two or more', () => {
    const draft = { ...withKind(newElementDraft('s'), 'question'), title: '2 + 2' };
    expect(draft.check).toBe('single');
    expect(elementProblems(draft).options).toBe('knowledge.problem.optionsSingle');
    draft.options = [
      { key: 'a', text: '3', correct: false },
      { key: 'b', text: '4', correct: true },
    ];
    expect(elementProblems(draft)).toEqual({});
    expect(toElementRequest(draft)).toMatchObject({ kind: 'question', check: 'single', options: [{ text: '3', correct: false }, { text: '4', correct: true }], correctNumber: null, points: 1 });
  });

  it('sends a number problem its answer and tolerance, with a decimal comma read', () => {
    const draft = { ...withKind(newElementDraft('s'), 'problem'), title: 'Pi', correctNumber: '3,14', tolerance: '0.01', tags: 'pi, circles, pi' };
    expect(draft.check).toBe('number');
    expect(elementProblems(draft)).toEqual({});
    expect(toElementRequest(draft)).toMatchObject({ correctNumber: 3.14, tolerance: 0.01, options: null, acceptedAnswers: null, tags: ['pi', 'circles'] });
    expect(elementProblems({ ...draft, correctNumber: 'x' }).correctNumber).toBe('knowledge.problem.number');
  });

  it('sends a text problem its accepted answers, one a line', () => {
    const draft = { ...withKind(newElementDraft('s'), 'problem'), check: 'text' as const, title: 'Capital', acceptedAnswers: 'Paris\n\n  paris  \n' };
    expect(toElementRequest(draft).acceptedAnswers).toEqual(['Paris', 'paris']);
    expect(elementProblems({ ...draft, acceptedAnswers: ' ' }).acceptedAnswers).toBe('knowledge.problem.acceptedAnswers');
  });

  it('gives theory and video no points', () => {
    const theory = { ...newElementDraft('s'), title: 'Intro', body: 'Text $x$' };
    expect(toElementRequest(theory)).toMatchObject({ kind: 'theory', check: 'none', points: null, videoUrl: null });
    expect(elementProblems({ ...withKind(theory, 'video'), videoUrl: 'nope' }).videoUrl).toBe('knowledge.problem.videoUrl');
  });

  it('reads an element back into its form', () => {
    const draft = toElementDraft({
      id: 'e', subjectId: 's', author: { id: 't', fullName: 'T', email: 't@x' }, kind: 'question', check: 'multiple', title: 'Primes',
      body: null, videoUrl: null, options: [{ id: 'x', text: '2', correct: true }, { id: 'y', text: '4', correct: false }],
      correctNumber: null, tolerance: null, acceptedAnswers: [], points: 2, difficulty: 3, tags: ['a', 'b'], estimatedMinutes: 5, shared: true, mine: true,
      createdAt: '2026-12-07T10:00:00Z', updatedAt: '2026-12-07T10:00:00Z',
    });
    expect(draft).toMatchObject({ check: 'multiple', points: '2', difficulty: '3', tags: 'a, b', estimatedMinutes: '5', shared: true });
    expect(draft.options.map((o) => o.correct)).toEqual([true, false]);
  });

  it('parses numbers strictly', () => {
    expect(parseNumber(' -2,5 ')).toBe(-2.5);
    expect(Number.isNaN(parseNumber('1e3'))).toBe(true);
    expect(Number.isNaN(parseNumber(''))).toBe(true);
  });

  it('moves a lesson element up and down within the list', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
