import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CircleCheck, CircleDashed, CircleMinus, CircleX, Clock } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormActions } from '../../ui/FormActions';
import { FormAlert } from '../../ui/FormAlert';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { assignmentsKey, isOverTimeRefusal, isQuestionsHiddenUntilDue, parseScore, type Submission } from './assignmentsApi';
import {
  gradeQuiz,
  quizQuery,
  quizStatsQuery,
  submitAnswers,
  toAnswerRequests,
  type AnswerDraft,
  type AnswerOutcome,
  type Question,
} from './quiz';

const OUTCOME_ICONS = { right: CircleCheck, partial: CircleMinus, wrong: CircleX, pending: Clock, unanswered: CircleDashed } as const;

/** A student takes a quiz: a radio group, tick boxes, a number or a text field per question, then hands it in. */
export function QuizAnswerForm({ assignmentId, onDone, onCancel }: { assignmentId: string; onDone: () => void; onCancel?: (() => void) | undefined }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const quiz = useQuery(quizQuery(api, assignmentId));
  const [answers, setAnswers] = useState<Record<string, AnswerDraft>>({});
  const submit = useMutation({
    mutationFn: (questions: Question[]) => submitAnswers(api, assignmentId, toAnswerRequests(questions, answers)),
    onSuccess: () => {
      setAnswers({});
      void queryClient.invalidateQueries({ queryKey: assignmentsKey });
      onDone();
    },
    onError: (error) => (isOverTimeRefusal(error) ? void queryClient.invalidateQueries({ queryKey: assignmentsKey }) : undefined),
  });
  if (quiz.isPending) {
    return <LoadingState />;
  }
  if (quiz.isError) {
    return <ErrorState error={quiz.error} onRetry={() => void quiz.refetch()} />;
  }
  const questions = quiz.data.questions;
  const set = (id: string, change: Partial<AnswerDraft>) =>
    setAnswers((current) => ({ ...current, [id]: { optionIds: [], text: '', ...current[id], ...change } }));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit.mutate(questions);
  };

  return (
    <form className="form quiz" onSubmit={onSubmit} noValidate aria-label={t('quiz.take')} data-quiz-form={assignmentId}>
      {questions.map((question, index) => {
        const answer = answers[question.id] ?? { optionIds: [], text: '' };
        const name = `answer-${question.id}`;
        const legend = (
          <legend>
            {index + 1}. {question.prompt} <span className="muted">({t('quiz.pointsOf', { points: String(question.points) })})</span>
          </legend>
        );
        return (
          <fieldset className="fieldset quiz__question" key={question.id} data-question-kind={question.kind}>
            {legend}
            {question.kind === 'singleChoice' || question.kind === 'multipleChoice'
              ? question.options.map((option) => (
                  <label className="checkbox quiz__option" key={option.id}>
                    <input
                      type={question.kind === 'singleChoice' ? 'radio' : 'checkbox'}
                      name={name}
                      value={option.id}
                      checked={answer.optionIds.includes(option.id)}
                      onChange={(event) =>
                        set(question.id, {
                          optionIds:
                            question.kind === 'singleChoice'
                              ? [option.id]
                              : event.target.checked
                                ? [...answer.optionIds, option.id]
                                : answer.optionIds.filter((id) => id !== option.id),
                        })
                      }
                    />{' '}
                    {option.text}
                  </label>
                ))
              : null}
            {question.kind === 'number' ? (
              <TextField
                name={name}
                label={t('quiz.yourAnswer')}
                inputMode="decimal"
                value={answer.text}
                onChange={(event) => set(question.id, { text: event.target.value })}
              />
            ) : null}
            {question.kind === 'shortText' ? (
              <TextField name={name} label={t('quiz.yourAnswer')} maxLength={200} value={answer.text} onChange={(event) => set(question.id, { text: event.target.value })} />
            ) : null}
            {question.kind === 'open' ? (
              <TextAreaField
                name={name}
                label={t('quiz.yourAnswer')}
                rows={4}
                maxLength={4000}
                value={answer.text}
                onChange={(event) => set(question.id, { text: event.target.value })}
              />
            ) : null}
          </fieldset>
        );
      })}
      {submit.isError && !isOverTimeRefusal(submit.error) ? <FormAlert message={describeError(submit.error, t)} /> : null}
      {isOverTimeRefusal(submit.error) ? <FormAlert message={t('assignments.overTimeRefused')} /> : null}
      <FormActions
        submitLabel={t('assignments.send')}
        busy={submit.isPending}
        dismiss={onCancel ? { label: t('common.cancel'), onClick: onCancel } : undefined}
      />
    </form>
  );
}

/** What the student answered to each question, what it scored and, when the quiz shows them, the correct answers. */
export function QuizResult({ submission }: { submission: Submission }) {
  const { t } = useI18n();
  const api = useApi();
  const quiz = useQuery(quizQuery(api, submission.assignmentId));
  const questions = new Map((quiz.data?.questions ?? []).map((q) => [q.id, q]));
  return (
    <>
      {isQuestionsHiddenUntilDue(quiz.error) ? (
        <p className="muted" data-questions-hidden>
          {t('quiz.questionsHiddenUntilDue')}
        </p>
      ) : null}
      <ol className="quiz-result" aria-label={t('quiz.result')} data-quiz-result={submission.id}>
        {submission.answers.map((answer) => {
          const question = questions.get(answer.questionId);
          const correct = question ? correctAnswer(question) : null;
          return (
            <li key={answer.questionId} className="quiz-result__item" data-answer={answer.outcome}>
              <p className="quiz-result__line">
                <Outcome outcome={answer.outcome} />
                <span>{question?.prompt ?? ''}</span>
                <strong data-answer-points>
                  {answer.points === null ? t('quiz.outcome.pending') : t('quiz.scored', { points: String(answer.points), max: String(question?.points ?? '') })}
                </strong>
              </p>
              <p className="muted">
                {t('quiz.yourAnswer')}: {describeAnswer(answer, question) || t('quiz.noAnswer')}
              </p>
              {correct ? <p data-correct-answer>{t('quiz.correctAnswer', { answer: correct })}</p> : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}

function Outcome({ outcome }: { outcome: AnswerOutcome }) {
  const { t } = useI18n();
  const Icon = OUTCOME_ICONS[outcome];
  return (
    <span className="quiz-outcome" data-outcome={outcome}>
      <Icon aria-hidden="true" size={18} /> {t(`quiz.outcome.${outcome}`)}
    </span>
  );
}

/** The answer as the person gave it: option texts, the number, or the text. */
function describeAnswer(answer: Submission['answers'][number], question: Question | undefined): string {
  if (answer.optionIds.length > 0) {
    return answer.optionIds.map((id) => question?.options.find((o) => o.id === id)?.text ?? id).join(', ');
  }
  return answer.number !== null ? String(answer.number) : (answer.text ?? '');
}

function correctAnswer(question: Question): string | null {
  if (question.correctOptionIds) {
    return question.correctOptionIds.map((id) => question.options.find((o) => o.id === id)?.text ?? id).join(', ');
  }
  if (question.correctNumber !== null && question.correctNumber !== undefined) {
    return question.tolerance ? `${question.correctNumber} ± ${question.tolerance}` : String(question.correctNumber);
  }
  return question.acceptedAnswers ? question.acceptedAnswers.join(' / ') : null;
}

/** The teacher grades a quiz: each answer with its automatic points, a points field for each answered open question. */
export function QuizGradeForm({ submission }: { submission: Submission }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const quiz = useQuery(quizQuery(api, submission.assignmentId));
  const [points, setPoints] = useState<Record<string, string>>({});
  const [feedback, setFeedback] = useState('');
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  const grade = useMutation({
    mutationFn: (scores: { questionId: string; points: number }[]) =>
      gradeQuiz(api, submission.id, scores, feedback.trim() === '' ? null : feedback.trim()),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: assignmentsKey }),
  });
  const questions = new Map((quiz.data?.questions ?? []).map((q) => [q.id, q]));
  const open = submission.answers.filter((a) => questions.get(a.questionId)?.kind === 'open' && a.outcome !== 'unanswered');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const wrong = new Set<string>();
    const scores = open.map((answer) => {
      const value = parseScore(points[answer.questionId] ?? '');
      if (value === null || value > (questions.get(answer.questionId)?.points ?? 0)) {
        wrong.add(answer.questionId);
      }
      return { questionId: answer.questionId, points: value ?? 0 };
    });
    setInvalid(wrong);
    if (wrong.size === 0) {
      grade.mutate(scores);
    }
  };
  if (quiz.isPending) {
    return <LoadingState />;
  }
  if (quiz.isError) {
    return <ErrorState error={quiz.error} onRetry={() => void quiz.refetch()} />;
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t('quiz.gradeOf', { name: submission.student.fullName })}>
      <ol className="quiz-result">
        {submission.answers.map((answer) => {
          const question = questions.get(answer.questionId);
          const scoreHere = question?.kind === 'open' && answer.outcome !== 'unanswered';
          const field = `points-${submission.id}-${answer.questionId}`;
          return (
            <li key={answer.questionId} className="quiz-result__item" data-answer={answer.outcome} data-question-kind={question?.kind}>
              <p className="quiz-result__line">
                <Outcome outcome={answer.outcome} />
                <span>{question?.prompt ?? ''}</span>
                {answer.points !== null && !scoreHere ? (
                  <strong>{t('quiz.scored', { points: String(answer.points), max: String(question?.points ?? '') })}</strong>
                ) : null}
              </p>
              <blockquote className="pre-wrap">{describeAnswer(answer, question) || t('quiz.noAnswer')}</blockquote>
              {scoreHere ? (
                <TextField
                  name={field}
                  label={t('quiz.openPoints', { max: String(question.points) })}
                  inputMode="decimal"
                  value={points[answer.questionId] ?? (answer.points === null ? '' : String(answer.points))}
                  errors={invalid.has(answer.questionId) ? [t('assignments.scoreRange', { max: String(question.points) })] : undefined}
                  onChange={(event) => setPoints((current) => ({ ...current, [answer.questionId]: event.target.value }))}
                />
              ) : null}
            </li>
          );
        })}
      </ol>
      <TextAreaField name={`feedback-${submission.id}`} label={t('assignments.feedback')} rows={3} value={feedback} onChange={(event) => setFeedback(event.target.value)} />
      {grade.isError ? <FormAlert message={describeError(grade.error, t)} /> : null}
      <FormActions submitLabel={t('assignments.grade')} busy={grade.isPending} />
    </form>
  );
}

/** Per question: how many answered, got it right, partly, wrong, wait for grading, and the average points. */
export function QuizStatsTable({ assignmentId, title }: { assignmentId: string; title: string }) {
  const { t } = useI18n();
  const api = useApi();
  const stats = useQuery(quizStatsQuery(api, assignmentId));
  if (stats.isPending) {
    return <LoadingState />;
  }
  if (stats.isError) {
    return <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />;
  }
  return (
    <section className="quiz-stats" aria-label={t('quiz.statsOf', { title })} data-quiz-stats={assignmentId}>
      <p className="muted">{t('quiz.statsSubmissions', { count: stats.data.submissions })}</p>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('quiz.statsQuestion')}</th>
              <th scope="col">{t('quiz.statsAnswered')}</th>
              <th scope="col">{t('quiz.outcome.right')}</th>
              <th scope="col">{t('quiz.outcome.partial')}</th>
              <th scope="col">{t('quiz.outcome.wrong')}</th>
              <th scope="col">{t('quiz.outcome.pending')}</th>
              <th scope="col">{t('quiz.statsAverage')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.data.questions.map((q) => (
              <tr key={q.questionId} data-question-stats={q.position}>
                <th scope="row">
                  {q.position + 1}. {q.prompt} <span className="muted">({t(`quiz.kind.${q.kind}`)})</span>
                </th>
                <td>{q.answered}</td>
                <td>{q.right}</td>
                <td>{q.partial}</td>
                <td>{q.wrong}</td>
                <td>{q.pending}</td>
                <td>{q.averagePoints === null ? '—' : `${q.averagePoints} / ${q.points}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
