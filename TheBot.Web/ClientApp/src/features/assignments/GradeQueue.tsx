import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import type { Attempt, Submission } from './assignmentsApi';
import { BulkGradeBar } from './BulkGradeBar';
import { SubmissionFiles } from './SubmissionFiles';
import { QuizGradeForm } from './QuizViews';
import { assignmentsKey, attemptListQuery, gradeSubmission, parseScore, returnSubmission, submissionListQuery } from './assignmentsApi';

/** Work handed in and waiting for the teacher, oldest first; late work is marked; attempts that ran over time follow. */
export function GradeQueue() {
  const { t } = useI18n();
  const api = useApi();
  const query = useQuery(submissionListQuery(api, 'submitted'));
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const items = query.data?.items ?? [];
  const selected = items.filter((submission) => chosen.has(submission.id));
  const toggle = (id: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) {
        next.add(id);
      } else {
        next.delete(id);
      }
      return next;
    });
  return (
    <>
    <section className="panel" aria-labelledby="grade-queue">
      <h2 id="grade-queue">{t('assignments.gradeQueue')}</h2>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? (
        query.data.items.length === 0 ? (
          <EmptyState message={t('dashboard.nothingToGrade')} />
        ) : (
          <ul className="item-list">
            {query.data.items.map((submission) => (
              <GradeItem key={submission.id} submission={submission} selected={chosen.has(submission.id)} onSelect={(on) => toggle(submission.id, on)} />
            ))}
          </ul>
        )
      ) : null}
      <BulkGradeBar selected={selected} onDone={() => setChosen(new Set())} onClear={() => setChosen(new Set())} />
    </section>
    <OverTimeAttempts />
    </>
  );
}

/** Attempts not handed in within their time limit: nothing to grade, but the teacher should know (only shown when there are some). */
function OverTimeAttempts() {
  const { t, formatDateTime } = useI18n();
  const api = useApi();
  const query = useQuery(attemptListQuery(api, 'overTime'));
  const items: Attempt[] = query.data?.items ?? [];
  if (items.length === 0) {
    return null;
  }
  return (
    <section className="panel" aria-labelledby="over-time">
      <h2 id="over-time">{t('assignments.overTimeList')}</h2>
      <ul className="item-list">
        {items.map((attempt) => (
          <li key={attempt.id} className="item-list__item" data-over-time={attempt.id}>
            <strong>{attempt.assignmentTitle}</strong> · {attempt.student.fullName} · {t('assignments.attempt', { attempt: attempt.number })} ·{' '}
            {t('assignments.startedAt')} <time dateTime={attempt.startedAt}>{formatDateTime(attempt.startedAt)}</time>
            {attempt.deadlineAt ? (
              <>
                {' · '}
                {t('assignments.deadline')} <time dateTime={attempt.deadlineAt}>{formatDateTime(attempt.deadlineAt)}</time>
              </>
            ) : null}{' '}
            <span className="badge badge--rejected">{t('assignments.overTime')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function GradeItem({ submission, selected, onSelect }: { submission: Submission; selected: boolean; onSelect: (on: boolean) => void }) {
  const { t, formatDateTime } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [score, setScore] = useState('');
  const [feedback, setFeedback] = useState('');
  const [scoreError, setScoreError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (action: () => Promise<Submission>) => action(),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: assignmentsKey }),
  });
  const grade = () => {
    const value = parseScore(score);
    if (value === null || value > submission.maxScore) {
      setScoreError(t('assignments.scoreRange', { max: String(submission.maxScore) }));
      return;
    }
    setScoreError(null);
    mutation.mutate(() => gradeSubmission(api, submission.id, value, feedback.trim() === '' ? null : feedback.trim()));
  };
  const giveBack = () => {
    if (feedback.trim() === '') {
      setScoreError(null);
      return;
    }
    mutation.mutate(() => returnSubmission(api, submission.id, feedback.trim()));
  };
  const id = submission.id;
  return (
    <li className="item-list__item" data-submission={id}>
      <p>
        <label className="grade-select">
          <input type="checkbox" checked={selected} onChange={(event) => onSelect(event.target.checked)} data-select-submission={id} />
          <span className="visually-hidden">{t('assignments.selectSubmission', { title: submission.assignmentTitle, student: submission.student.fullName })}</span>
        </label>{' '}
        <strong>{submission.assignmentTitle}</strong> · {submission.student.fullName} · {t('assignments.attempt', { attempt: submission.attempt })} ·{' '}
        <time dateTime={submission.submittedAt}>{formatDateTime(submission.submittedAt)}</time>
        {submission.isLate ? <span className="badge badge--rejected" data-late>{t('dashboard.late')}</span> : null}
        {submission.startedAt ? (
          <span className="muted">
            {' · '}
            {t('assignments.startedAt')} <time dateTime={submission.startedAt}>{formatDateTime(submission.startedAt)}</time>
          </span>
        ) : null}
      </p>
      {submission.text !== '' ? <blockquote className="pre-wrap">{submission.text}</blockquote> : null}
      <SubmissionFiles submission={submission} />
      {submission.answers.length > 0 ? <QuizGradeForm submission={submission} /> : <div className="form">
        <TextField
          name={`score-${id}`}
          label={t('assignments.score', { max: String(submission.maxScore) })}
          inputMode="decimal"
          value={score}
          errors={scoreError === null ? undefined : [scoreError]}
          onChange={(event) => setScore(event.target.value)}
        />
        <TextAreaField name={`feedback-${id}`} label={t('assignments.feedback')} rows={3} value={feedback} onChange={(event) => setFeedback(event.target.value)} />
        {mutation.isError ? <FormAlert message={describeError(mutation.error, t)} /> : null}
        <div className="actions">
          <button type="button" className="button" disabled={mutation.isPending} onClick={grade}>
            {t('assignments.grade')}
          </button>
          <button type="button" className="button button--secondary" disabled={mutation.isPending || feedback.trim() === ''} onClick={giveBack}>
            {t('assignments.returnForRework')}
          </button>
        </div>
      </div>}
    </li>
  );
}
