import type { ApiClient } from '../../api/ApiClient';
import { enumValues, type RequestBody, type Schemas } from '../../api/schemas';
import type { MessageKey } from '../../i18n/messages/en';
import { assignmentsKey, parseScore, type Submission } from './assignmentsApi';

export type QuestionKind = Schemas['QuestionKind'];

export type Quiz = Schemas['QuizResponse'];

export type Question = Schemas['QuestionResponse'];

export type QuizStats = Schemas['QuizStatsResponse'];

export type QuestionRequest = Schemas['QuestionRequest'];

export type AnswerRequest = RequestBody<Schemas['AnswerRequest']>;

export type AnswerOutcome = Schemas['AnswerOutcome'];

export const QUESTION_KINDS = enumValues<QuestionKind>()(['singleChoice', 'multipleChoice', 'number', 'shortText', 'open']);

/** A quiz's questions as the caller may see them (the correct answers only when shown to them). */
export function quizQuery(api: ApiClient, assignmentId: string, enabled = true) {
  return {
    queryKey: [...assignmentsKey, 'quiz', assignmentId] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Quiz>(`/api/assignments/${encodeURIComponent(assignmentId)}/questions`, { signal }),
    enabled,
  };
}

export function quizStatsQuery(api: ApiClient, assignmentId: string) {
  return {
    queryKey: [...assignmentsKey, 'quiz-stats', assignmentId] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<QuizStats>(`/api/assignments/${encodeURIComponent(assignmentId)}/question-stats`, { signal }),
  };
}

export function submitAnswers(api: ApiClient, assignmentId: string, answers: AnswerRequest[]): Promise<Submission> {
  return api.post<Submission>(`/api/assignments/${encodeURIComponent(assignmentId)}/submissions`, { answers });
}

/** Grades a quiz: points for its open answers; the server adds the automatic ones. */
export function gradeQuiz(
  api: ApiClient,
  submissionId: string,
  questionScores: { questionId: string; points: number }[],
  feedback: string | null,
): Promise<Submission> {
  return api.post<Submission>(`/api/assignments/submissions/${encodeURIComponent(submissionId)}/grade`, { questionScores, feedback });
}

/** One choice as the teacher edits it. */
export interface OptionDraft {
  id: string;
  text: string;
  correct: boolean;
}

/** A question as the teacher edits it: every kind's fields as text; only the kind's own are sent. */
export interface QuestionDraft {
  key: string;
  kind: QuestionKind;
  prompt: string;
  points: string;
  options: OptionDraft[];
  correctNumber: string;
  tolerance: string;
  /** Accepted short answers, one a line. */
  accepted: string;
}

const OPTION_IDS = 'abcdefghij';

/** The most options a choice question takes (the API's limit). */
export const MAX_OPTIONS = OPTION_IDS.length;

export function newQuestion(key: string, kind: QuestionKind = 'singleChoice'): QuestionDraft {
  return {
    key,
    kind,
    prompt: '',
    points: '1',
    options: [
      { id: 'a', text: '', correct: false },
      { id: 'b', text: '', correct: false },
    ],
    correctNumber: '',
    tolerance: '0',
    accepted: '',
  };
}

/** The question with one more option, its id the next free letter. */
export function withOption(question: QuestionDraft): QuestionDraft {
  const free = [...OPTION_IDS].find((id) => !question.options.some((o) => o.id === id));
  return free === undefined ? question : { ...question, options: [...question.options, { id: free, text: '', correct: false }] };
}

/** Marks an option correct (single choice: the only one) or toggles it (multiple choice). */
export function markCorrect(question: QuestionDraft, optionId: string): QuestionDraft {
  return {
    ...question,
    options: question.options.map((o) =>
      question.kind === 'singleChoice' ? { ...o, correct: o.id === optionId } : o.id === optionId ? { ...o, correct: !o.correct } : o,
    ),
  };
}

function acceptedAnswers(question: QuestionDraft): string[] {
  return question.accepted
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** What is wrong with a question before it is sent, by field (`prompt`, `points`, `options`, …); empty when nothing. */
export function questionProblems(question: QuestionDraft): Partial<Record<'prompt' | 'points' | 'options' | 'correctNumber' | 'tolerance' | 'accepted', MessageKey>> {
  const problems: Partial<Record<'prompt' | 'points' | 'options' | 'correctNumber' | 'tolerance' | 'accepted', MessageKey>> = {};
  if (question.prompt.trim() === '') {
    problems.prompt = 'validation.required';
  }
  const points = parseScore(question.points);
  if (points === null || points <= 0 || points > 1000) {
    problems.points = 'quiz.pointsRange';
  }
  if (question.kind === 'singleChoice' || question.kind === 'multipleChoice') {
    if (question.options.some((o) => o.text.trim() === '') || question.options.length < 2) {
      problems.options = 'quiz.optionsRequired';
    } else if (!question.options.some((o) => o.correct)) {
      problems.options = 'quiz.markCorrect';
    }
  }
  if (question.kind === 'number') {
    if (parseNumber(question.correctNumber) === null) {
      problems.correctNumber = 'quiz.numberRequired';
    }
    const tolerance = parseNumber(question.tolerance);
    if (question.tolerance.trim() !== '' && (tolerance === null || tolerance < 0)) {
      problems.tolerance = 'quiz.toleranceRange';
    }
  }
  if (question.kind === 'shortText' && acceptedAnswers(question).length === 0) {
    problems.accepted = 'quiz.acceptedRequired';
  }
  return problems;
}

/** A number typed by a person ("-3,5" or "3.14"), or null. */
export function parseNumber(text: string): number | null {
  const normalized = text.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : null;
}

/** The request for a checked question: only the fields its kind takes. */
export function toQuestionRequest(question: QuestionDraft): QuestionRequest {
  const base: QuestionRequest = {
    kind: question.kind,
    prompt: question.prompt.trim(),
    points: parseScore(question.points) ?? 0,
    options: null,
    correctOptionIds: null,
    correctNumber: null,
    tolerance: null,
    acceptedAnswers: null,
  };
  switch (question.kind) {
    case 'singleChoice':
    case 'multipleChoice':
      return {
        ...base,
        options: question.options.map((o) => ({ id: o.id, text: o.text.trim() })),
        correctOptionIds: question.options.filter((o) => o.correct).map((o) => o.id),
      };
    case 'number':
      return { ...base, correctNumber: parseNumber(question.correctNumber) ?? 0, tolerance: parseNumber(question.tolerance) ?? 0 };
    case 'shortText':
      return { ...base, acceptedAnswers: acceptedAnswers(question) };
    case 'open':
      return base;
  }
}

/** The points of questions as typed (a quiz's maximum score). */
export function totalPoints(questions: readonly QuestionDraft[]): number {
  return Math.round(questions.reduce((sum, q) => sum + (parseScore(q.points) ?? 0), 0) * 100) / 100;
}

/** A student's answer as typed, per question id. */
export interface AnswerDraft {
  optionIds: string[];
  text: string;
}

/** The answers to send: the ones given, each with its kind's field. */
export function toAnswerRequests(questions: readonly Question[], drafts: Readonly<Record<string, AnswerDraft>>): AnswerRequest[] {
  const answers: AnswerRequest[] = [];
  for (const question of questions) {
    const draft = drafts[question.id];
    if (draft === undefined) {
      continue;
    }
    if ((question.kind === 'singleChoice' || question.kind === 'multipleChoice') && draft.optionIds.length > 0) {
      answers.push({ questionId: question.id, optionIds: draft.optionIds });
    } else if (question.kind === 'number' && parseNumber(draft.text) !== null) {
      answers.push({ questionId: question.id, number: parseNumber(draft.text) });
    } else if ((question.kind === 'shortText' || question.kind === 'open') && draft.text.trim() !== '') {
      answers.push({ questionId: question.id, text: draft.text.trim() });
    }
  }
  return answers;
}
