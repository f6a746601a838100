import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/ApiError';
import { useApi } from '../../services/ServicesContext';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { FormActions } from '../../ui/FormActions';
import { PageHeading } from '../../ui/PageHeading';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { TextAreaField } from '../../ui/TextAreaField';
import type { Submission } from './assignmentsApi';
import { GradeQueue } from './GradeQueue';
import { NewAssignmentForm } from './NewAssignmentForm';
import { SubmissionFiles } from './SubmissionFiles';
import {
  assignmentListQuery,
  assignmentsKey,
  attachmentProblem,
  MAX_SUBMISSION_FILES,
  changeAssignmentStatus,
  latestAttempts,
  submissionListQuery,
  submitWork,
  type Assignment,
} from './assignmentsApi';

/** Students submit work and see grades; teachers set work, publish or close it, and grade what comes in. */
export function AssignmentsPage() {
  const { t } = useI18n();
  const api = useApi();
  const { user } = useAuth();
  const assignments = useQuery(assignmentListQuery(api));
  const submissions = useQuery(submissionListQuery(api));
  const [creating, setCreating] = useState(false);
  const teaches = user?.role === 'teacher';
  const latest = latestAttempts(submissions.data?.items ?? []);

  return (
    <section className="page">
      <PageHeading title={t('assignments.title')}>{t('assignments.title')}</PageHeading>
      {teaches ? (
        <>
          {creating ? (
            <NewAssignmentForm onDone={() => setCreating(false)} />
          ) : (
            <div className="actions">
              <button type="button" className="button" onClick={() => setCreating(true)}>
                {t('assignments.new')}
              </button>
            </div>
          )}
          <GradeQueue />
        </>
      ) : null}
      {teaches ? <h2>{t('assignments.mine')}</h2> : null}
      {assignments.isPending ? <LoadingState /> : null}
      {assignments.isError ? <ErrorState error={assignments.error} onRetry={() => void assignments.refetch()} /> : null}
      {assignments.isSuccess ? (
        assignments.data.items.length === 0 ? (
          <EmptyState message={t('assignments.empty')} />
        ) : (
          <ul className="item-list">
            {assignments.data.items.map((assignment) => (
              <AssignmentItem key={assignment.id} assignment={assignment} teaches={teaches} latest={latest.get(assignment.id)} student={user?.role === 'student'} />
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}

function AssignmentItem({
  assignment,
  teaches,
  student,
  latest,
}: {
  assignment: Assignment;
  teaches: boolean;
  student: boolean;
  latest: Submission | undefined;
}) {
  const { t, formatDateTime } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [submitting, setSubmitting] = useState(false);
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const done = () => void queryClient.invalidateQueries({ queryKey: assignmentsKey });
  const status = useMutation({ mutationFn: (action: 'publish' | 'close') => changeAssignmentStatus(api, assignment.id, action), onSuccess: done });
  const submit = useMutation({
    mutationFn: () => submitWork(api, assignment.id, text.trim(), files),
    onSuccess: () => {
      setSubmitting(false);
      setText('');
      setFiles([]);
      done();
    },
  });
  const canSubmit = student && assignment.status === 'published' && (latest === undefined || latest.status === 'returned');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit.mutate();
  };
  const fieldErrors = isApiError(submit.error) ? submit.error.fieldErrors : {};
  const filesProblem = attachmentProblem(files);
  const fileField = `files-${assignment.id}`;
  const fileErrors =
    filesProblem !== null
      ? [t(filesProblem === 'tooMany' ? 'assignments.tooManyFiles' : 'assignments.filesTooLarge', { count: MAX_SUBMISSION_FILES })]
      : fieldErrors['file'];
  const empty = text.trim() === '' && files.length === 0;

  return (
    <li className="item-list__item assignment" data-assignment={assignment.id}>
      <p className="assignment__title">
        <strong>{assignment.title}</strong> · {assignment.subject.name} · {t(`assignments.kind.${assignment.kind}`)}{' '}
        <span className="badge" data-status={assignment.status}>
          {t(`assignments.status.${assignment.status}`)}
        </span>
      </p>
      <p className="muted">
        {t('assignments.dueAt')} <time dateTime={assignment.dueAt}>{formatDateTime(assignment.dueAt)}</time> ·{' '}
        {t('assignments.maxScore', { score: String(assignment.maxScore) })}
        {assignment.latePenaltyPercent > 0 ? ` · ${t('assignments.latePenalty', { percent: assignment.latePenaltyPercent })}` : ''}
      </p>
      {assignment.description ? <p className="pre-wrap">{assignment.description}</p> : null}
      {latest !== undefined ? (
        <div className="submission" data-submission-status={latest.status}>
          <p>
            {t('assignments.attempt', { attempt: latest.attempt })}: {t(`assignments.submission.${latest.status}`)}
            {latest.isLate ? ` · ${t('dashboard.late')}` : ''}
            {latest.status === 'graded'
              ? ` · ${t('dashboard.score', { score: String(latest.finalScore ?? latest.score ?? '—'), max: String(latest.maxScore) })}`
              : ''}
          </p>
          {latest.feedback ? (
            <p>
              <span className="muted">{t('assignments.feedback')}:</span> {latest.feedback}
            </p>
          ) : null}
          <SubmissionFiles submission={latest} />
        </div>
      ) : null}
      {teaches ? (
        <div className="actions actions--compact">
          {assignment.status === 'draft' ? (
            <button type="button" className="button button--small" disabled={status.isPending} onClick={() => status.mutate('publish')}>
              {t('assignments.publish')}
            </button>
          ) : null}
          {assignment.status === 'published' ? (
            <button type="button" className="button button--secondary button--small" disabled={status.isPending} onClick={() => status.mutate('close')}>
              {t('assignments.close')}
            </button>
          ) : null}
        </div>
      ) : null}
      {status.isError ? <FormAlert message={describeError(status.error, t)} /> : null}
      {canSubmit && !submitting ? (
        <button type="button" className="button button--small" onClick={() => setSubmitting(true)}>
          {t('assignments.submit')}
        </button>
      ) : null}
      {canSubmit && submitting ? (
        <form className="form" onSubmit={onSubmit} noValidate>
          <TextAreaField
            name={`answer-${assignment.id}`}
            label={t('assignments.answer')}
            rows={6}
            maxLength={20000}
            value={text}
            errors={fieldErrors['text']}
            onChange={(event) => setText(event.target.value)}
          />
          <Field name={fileField} label={t('assignments.attach', { count: MAX_SUBMISSION_FILES })} errors={fileErrors}>
            {(control) => <input {...control} type="file" multiple onChange={(event) => setFiles(Array.from(event.target.files ?? []))} />}
          </Field>
          {submit.isError ? <FormAlert message={describeError(submit.error, t)} /> : null}
          <FormActions
            submitLabel={t('assignments.send')}
            busy={submit.isPending}
            disabled={empty || filesProblem !== null}
            dismiss={{ label: t('common.cancel'), onClick: () => setSubmitting(false) }}
          />
        </form>
      ) : null}
    </li>
  );
}
