import type { KnowledgeKey } from './messages/en';
import { CHECKS_OF, type ElementCheck, type ElementKind, type ElementRequest, type KnowledgeElement } from './knowledgeApi';

/** An element as its form holds it: numbers as typed, options with a stable key. */
export interface ElementDraft {
  subjectId: string;
  kind: ElementKind;
  check: ElementCheck;
  title: string;
  body: string;
  videoUrl: string;
  options: { key: string; text: string; correct: boolean }[];
  correctNumber: string;
  tolerance: string;
  acceptedAnswers: string;
  points: string;
  difficulty: string;
  tags: string;
  estimatedMinutes: string;
  shared: boolean;
}

export function newElementDraft(subjectId: string, kind: ElementKind = 'theory'): ElementDraft {
  return {
    subjectId,
    kind,
    check: CHECKS_OF[kind][0]!,
    title: '',
    body: '',
    videoUrl: '',
    options: [
      { key: 'o1', text: '', correct: false },
      { key: 'o2', text: '', correct: false },
    ],
    correctNumber: '',
    tolerance: '0',
    acceptedAnswers: '',
    points: '1',
    difficulty: '2',
    tags: '',
    estimatedMinutes: '',
    shared: false,
  };
}

export function toElementDraft(element: KnowledgeElement): ElementDraft {
  const options = element.options.map((option, index) => ({ key: option.id || `o${index}`, text: option.text, correct: option.correct }));
  return {
    subjectId: element.subjectId,
    kind: element.kind,
    check: element.check,
    title: element.title,
    body: element.body ?? '',
    videoUrl: element.videoUrl ?? '',
    options: options.length > 0 ? options : newElementDraft(element.subjectId).options,
    correctNumber: element.correctNumber?.toString() ?? '',
    tolerance: element.tolerance?.toString() ?? '0',
    acceptedAnswers: element.acceptedAnswers.join('\n'),
    points: element.points?.toString() ?? '1',
    difficulty: element.difficulty.toString(),
    tags: element.tags.join(', '),
    estimatedMinutes: element.estimatedMinutes?.toString() ?? '',
    shared: element.shared,
  };
}

/** A kind changed: its default check, the rest kept. */
export function withKind(draft: ElementDraft, kind: ElementKind): ElementDraft {
  return { ...draft, kind, check: CHECKS_OF[kind].includes(draft.check) ? draft.check : CHECKS_OF[kind][0]! };
}

/** A number as typed, with a decimal comma allowed; NaN when it is not one. */
export function parseNumber(value: string): number {
  const trimmed = value.trim().replace(',', '.');
  return trimmed === '' || !/^-?\d*(\.\d+)?$/.test(trimmed) ? Number.NaN : Number(trimmed);
}

export function isAnswerable(kind: ElementKind): boolean {
  return kind === 'question' || kind === 'problem';
}

export type DraftProblems = Partial<Record<'title' | 'body' | 'videoUrl' | 'options' | 'correctNumber' | 'tolerance' | 'acceptedAnswers' | 'points' | 'difficulty' | 'estimatedMinutes', KnowledgeKey>>;

/** What stops the draft from being saved, field by field. */
export function elementProblems(draft: ElementDraft): DraftProblems {
  const problems: DraftProblems = {};
  if (draft.title.trim() === '') {
    problems.title = 'knowledge.problem.title';
  }
  if (draft.kind === 'theory' && draft.body.trim() === '') {
    problems.body = 'knowledge.problem.body';
  }
  if (draft.kind === 'video' && !/^https?:\/\/\S+$/i.test(draft.videoUrl.trim())) {
    problems.videoUrl = 'knowledge.problem.videoUrl';
  }
  if (draft.kind === 'question') {
    const filled = draft.options.filter((option) => option.text.trim() !== '');
    const correct = filled.filter((option) => option.correct).length;
    if (filled.length < 2 || correct === 0 || (draft.check === 'single' && correct !== 1)) {
      problems.options = draft.check === 'single' ? 'knowledge.problem.optionsSingle' : 'knowledge.problem.optionsMultiple';
    }
  }
  if (draft.kind === 'problem' && draft.check === 'number') {
    if (Number.isNaN(parseNumber(draft.correctNumber))) {
      problems.correctNumber = 'knowledge.problem.number';
    }
    const tolerance = parseNumber(draft.tolerance === '' ? '0' : draft.tolerance);
    if (Number.isNaN(tolerance) || tolerance < 0) {
      problems.tolerance = 'knowledge.problem.tolerance';
    }
  }
  if (draft.kind === 'problem' && draft.check === 'text' && acceptedAnswersOf(draft).length === 0) {
    problems.acceptedAnswers = 'knowledge.problem.acceptedAnswers';
  }
  if (isAnswerable(draft.kind)) {
    const points = parseNumber(draft.points);
    if (Number.isNaN(points) || points <= 0) {
      problems.points = 'knowledge.problem.points';
    }
  }
  const difficulty = Number(draft.difficulty);
  if (!Number.isInteger(difficulty) || difficulty < 1 || difficulty > 5) {
    problems.difficulty = 'knowledge.problem.difficulty';
  }
  if (draft.estimatedMinutes.trim() !== '') {
    const minutes = Number(draft.estimatedMinutes);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 600) {
      problems.estimatedMinutes = 'knowledge.problem.minutes';
    }
  }
  return problems;
}

function acceptedAnswersOf(draft: ElementDraft): string[] {
  return draft.acceptedAnswers
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The request body: only the fields the element's kind and check use, the others null. */
export function toElementRequest(draft: ElementDraft): ElementRequest {
  const question = draft.kind === 'question';
  const number = draft.kind === 'problem' && draft.check === 'number';
  return {
    subjectId: draft.subjectId,
    kind: draft.kind,
    check: draft.check,
    title: draft.title.trim(),
    body: draft.body.trim() === '' ? null : draft.body.trim(),
    videoUrl: draft.kind === 'video' ? draft.videoUrl.trim() : null,
    options: question ? draft.options.filter((o) => o.text.trim() !== '').map((o) => ({ id: null, text: o.text.trim(), correct: o.correct })) : null,
    correctNumber: number ? parseNumber(draft.correctNumber) : null,
    tolerance: number ? parseNumber(draft.tolerance === '' ? '0' : draft.tolerance) : null,
    acceptedAnswers: draft.kind === 'problem' && draft.check === 'text' ? acceptedAnswersOf(draft) : null,
    points: isAnswerable(draft.kind) ? parseNumber(draft.points) : null,
    difficulty: Number(draft.difficulty),
    tags: [...new Set(draft.tags.split(',').map((tag) => tag.trim()).filter((tag) => tag !== ''))],
    estimatedMinutes: draft.estimatedMinutes.trim() === '' ? null : Number(draft.estimatedMinutes),
    shared: draft.shared,
  };
}

/** Moves the item at `index` by `by` places (lesson element order), keeping the list as is at its ends. */
export function moved<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= items.length) {
    return [...items];
  }
  const copy = [...items];
  [copy[index], copy[to]] = [copy[to]!, copy[index]!];
  return copy;
}
