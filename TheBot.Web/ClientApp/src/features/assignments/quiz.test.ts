import { describe, expect, it } from 'vitest';

const none = { options: null, correctOptionIds: null, correctNumber: null, tolerance: null, acceptedAnswers: null };
import { markCorrect, newQuestion, parseNumber, questionProblems, toAnswerRequests, toQuestionRequest, totalPoints, withOption, type Question } from './quiz';

describe('the question editor', () => {
  it('sends only the fields of the question kind', () => {
    const choice = markCorrect({ ...newQuestion('1'), prompt: ' 2 + 2? ', options: [{ id: 'a', text: '3', correct: false }, { id: 'b', text: '4', correct: false }] }, 'b');
    expect(toQuestionRequest(choice)).toEqual({
      ...none, kind: 'singleChoice', prompt: '2 + 2?', points: 1, options: [{ id: 'a', text: '3' }, { id: 'b', text: '4' }], correctOptionIds: ['b'],
    });
    expect(toQuestionRequest({ ...newQuestion('2', 'number'), prompt: 'Pi', points: '2,5', correctNumber: '3,14', tolerance: '0.01' })).toEqual({
      ...none, kind: 'number', prompt: 'Pi', points: 2.5, correctNumber: 3.14, tolerance: 0.01,
    });
    expect(toQuestionRequest({ ...newQuestion('3', 'shortText'), prompt: 'Capital', accepted: ' Paris \n\n Paris city ' })).toEqual({
      ...none, kind: 'shortText', prompt: 'Capital', points: 1, acceptedAnswers: ['Paris', 'Paris city'],
    });
    expect(toQuestionRequest({ ...newQuestion('4', 'open'), prompt: 'Why?' })).toEqual({ ...none, kind: 'open', prompt: 'Why?', points: 1 });
  });

  it('keeps one correct option for single choice and toggles for multiple choice', () => {
    const single = markCorrect(markCorrect(newQuestion('1'), 'a'), 'b');
    expect(single.options.map((o) => o.correct)).toEqual([false, true]);
    const multiple = markCorrect(markCorrect(newQuestion('1', 'multipleChoice'), 'a'), 'b');
    expect(multiple.options.map((o) => o.correct)).toEqual([true, true]);
    expect(markCorrect(multiple, 'a').options.map((o) => o.correct)).toEqual([false, true]);
    expect(withOption(multiple).options.map((o) => o.id)).toEqual(['a', 'b', 'c']);
  });

  it('names what is missing before sending', () => {
    expect(questionProblems(newQuestion('1'))).toEqual({ prompt: 'validation.required', options: 'quiz.optionsRequired' });
    expect(questionProblems({ ...newQuestion('1', 'number'), prompt: 'x', points: '0' })).toEqual({ points: 'quiz.pointsRange', correctNumber: 'quiz.numberRequired' });
    expect(questionProblems({ ...newQuestion('1', 'shortText'), prompt: 'x', accepted: '  ' })).toEqual({ accepted: 'quiz.acceptedRequired' });
    expect(questionProblems({ ...newQuestion('1', 'open'), prompt: 'x' })).toEqual({});
    expect(totalPoints([{ ...newQuestion('1'), points: '1.5' }, { ...newQuestion('2'), points: '2,25' }])).toBe(3.75);
    expect([parseNumber('-3,5'), parseNumber('abc'), parseNumber('')]).toEqual([-3.5, null, null]);
  });
});

describe('the student answers', () => {
  const question = (id: string, kind: Question['kind']): Question => ({
    id, position: 0, kind, prompt: id, points: 1, options: [], tolerance: null, correctOptionIds: null, correctNumber: null, acceptedAnswers: null,
  });

  it('sends the answers given, each with its kind field', () => {
    const questions = [question('s', 'singleChoice'), question('n', 'number'), question('t', 'shortText'), question('o', 'open'), question('m', 'multipleChoice')];
    expect(
      toAnswerRequests(questions, {
        s: { optionIds: ['b'], text: '' },
        n: { optionIds: [], text: '3,14' },
        t: { optionIds: [], text: ' Paris ' },
        o: { optionIds: [], text: '   ' },
        m: { optionIds: [], text: '' },
      }),
    ).toEqual([
      { questionId: 's', optionIds: ['b'] },
      { questionId: 'n', number: 3.14 },
      { questionId: 't', text: 'Paris' },
    ]);
  });
});
