import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { isApiError } from '../../api/ApiError';
import { useApi } from '../../services/ServicesContext';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { FormActions } from '../../ui/FormActions';
import { PageHeading } from '../../ui/PageHeading';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { PagedList } from '../../ui/PagedList';
import { RowMenu } from '../../ui/RowMenu';
import { SearchBox } from '../../ui/SearchBox';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import type { Attempt, Submission } from './assignmentsApi';
import { AttemptCountdown } from './AttemptCountdown';
import { EditStudentsForm } from './EditStudentsForm';
import { GradeQueue } from './GradeQueue';
import { NewAssignmentForm } from './NewAssignmentForm';
import { SubmissionFiles } from './SubmissionFiles';
import { QuizAnswerForm, QuizResult, QuizStatsTable } from './QuizViews';
import {
  ASSIGNMENT_STATUSES,
  assignmentListQuery,
  assignmentsKey,
  attachmentProblem,
  MAX_SUBMISSION_FILES,
  attemptListQuery,
  changeAssignmentStatus,
  isOverTimeRefusal,
  latestAttempts,
  latestOpened,
  startAttempt,
  submissionListQuery,
  submitWork,
  type Assignment,
  type AssignmentFilter,
} from './assignmentsApi';

/**
 * Students submit work and see grades; teachers set work, publish or close it, and grade what comes in. The list is a
 * page of compact rows at a time, searchable by title and filtered by status; a row opens its description on demand and
 * keeps the teacher's actions in a menu (closing, which cannot be undone, asks first).
 */
export function AssignmentsPage() {
  const { t } = useI18n();
  const api = useApi();
  const { user } = useAuth();
  const [filter, setFilter] = useState<AssignmentFilter>({ search: '', status: '', page: 1 });
  const assignments = useQuery({ ...assignmentListQuery(api, filter), placeholderData: keepPreviousData });
  const submissions = useQuery(submissionListQuery(api));
  const isStudent = user?.role === 'student';
  const attempts = useQuery({ ...attemptListQuery(api), enabled: isStudent });
  const [creating, setCreating] = useState(false);
  const teaches = user?.role === 'teacher';
  const latest = latestAttempts(submissions.data?.items ?? []);
  const opened = latestOpened(attempts.data?.items ?? []);

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
      <div className="list-filters">
        <SearchBox label={t('assignments.search')} name="assignmentSearch" onSearch={(search) => setFilter((f) => ({ ...f, search, page: 1 }))} />
        <SelectField
          name="assignmentStatus"
          label={t('assignments.statusFilter')}
          value={filter.status}
          options={[
            { value: '', label: t('common.all') },
            ...ASSIGNMENT_STATUSES.filter((status) => teaches || status !== 'draft').map((status) => ({
              value: status,
              label: t(`assignments.status.${status}`),
            })),
          ]}
          onChange={(event) => setFilter((f) => ({ ...f, status: event.target.value as AssignmentFilter['status'], page: 1 }))}
        />
      </div>
      {assignments.data ? (
        <p className="muted" aria-live="polite" data-testid="assignments-count">
          {t('assignments.count', { count: assignments.data.totalCount })}
        </p>
      ) : null}
      <PagedList
        query={assignments}
        empty={filter.search === '' && filter.status === '' ? t('assignments.empty') : t('assignments.noMatch')}
        onPage={(page) => setFilter((f) => ({ ...f, page }))}
      >
        {(items) => (
          <ul className="compact-list">
            {items.map((assignment) => (
              <AssignmentItem
                key={assignment.id}
                assignment={assignment}
                teaches={teaches}
                latest={latest.get(assignment.id)}
                attempt={opened.get(assignment.id)}
                student={isStudent}
              />
            ))}
          </ul>
        )}
      </PagedList>
    </section>
  );
}

function AssignmentItem({
  assignment,
  teaches,
  student,
  latest,
  attempt,
}: {
  assignment: Assignment;
  teaches: boolean;
  student: boolean;
  latest: Submission | undefined;
  /** The student's newest opened attempt at it. */
  attempt: Attempt | undefined;
}) {
  const { t, formatDateTime } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [submitting, setSubmitting] = useState(false);
  const [open, setOpen] = useState(false);
  const [closing, setClosing] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const [showingStats, setShowingStats] = useState(false);
  const quiz = assignment.questionCount > 0;
  const detailsId = useId();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const done = () => void queryClient.invalidateQueries({ queryKey: assignmentsKey });
  const status = useMutation({
    mutationFn: (action: 'publish' | 'close') => changeAssignmentStatus(api, assignment.id, action),
    onSuccess: () => {
      setClosing(false);
      done();
    },
  });
  const submit = useMutation({
    mutationFn: () => submitWork(api, assignment.id, text.trim(), files),
    onSuccess: () => {
      setSubmitting(false);
      setText('');
      setFiles([]);
      done();
    },
    // Over time, the attempt is now recorded so: the lists show it.
    onError: (error) => (isOverTimeRefusal(error) ? done() : undefined),
  });
  const start = useMutation({
    mutationFn: () => startAttempt(api, assignment.id),
    onSuccess: () => {
      setSubmitting(true);
      done();
    },
  });
  const canSubmit = student && assignment.status === 'published' && (latest === undefined || latest.status === 'returned');
  // A timed assignment is handed in within an opened attempt: Start, then the answer form beside the clock.
  const timed = assignment.timeLimitMinutes !== null && assignment.timeLimitMinutes !== undefined;
  const openAttempt = attempt?.status === 'open' ? attempt : undefined;
  const overTime = attempt?.status === 'overTime' && (latest === undefined || latest.attempt < attempt.number) ? attempt : undefined;
  const used = Math.max(latest?.attempt ?? 0, attempt?.number ?? 0);
  const canStart = canSubmit && openAttempt === undefined && used < assignment.maxAttempts;
  const answering = canSubmit && (timed ? openAttempt !== undefined : submitting);
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
    <li className="compact-row assignment" data-assignment={assignment.id}>
      <div className="compact-row__line">
        <p className="compact-row__title assignment__title">{assignment.title}</p>
        <span className="compact-row__meta">
          {assignment.subject.name} · {t(`assignments.kind.${assignment.kind}`)} · {t('assignments.dueAt')}{' '}
          <time dateTime={assignment.dueAt}>{formatDateTime(assignment.dueAt)}</time>
          {assignment.startsAt && teaches ? (
            <>
              {' · '}
              {t('assignments.starts')} <time dateTime={assignment.startsAt}>{formatDateTime(assignment.startsAt)}</time>
            </>
          ) : null}
          {timed ? ` · ${t('assignments.timeLimit', { minutes: assignment.timeLimitMinutes ?? 0 })}` : ''}
          {teaches && !assignment.forAllStudents ? ` · ${t('assignments.forCount', { count: assignment.students.length })}` : ''}
          {quiz ? ` · ${t('quiz.badge', { count: assignment.questionCount })}` : ''}
        </span>
        <span className="badge" data-status={assignment.status}>
          {t(`assignments.status.${assignment.status}`)}
        </span>
        <div className="compact-row__end">
          <button
            type="button"
            className="button button--secondary button--small"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={t(open ? 'list.hideDetailsOf' : 'list.detailsOf', { name: assignment.title })}
            onClick={() => setOpen((value) => !value)}
          >
            {t(open ? 'list.hideDetails' : 'list.details')}
          </button>
          {teaches ? (
            <RowMenu
              label={t('list.actionsFor', { name: assignment.title })}
              actions={[
                ...(assignment.status === 'draft'
                  ? [{ label: t('assignments.publishNamed', { title: assignment.title }), onSelect: () => status.mutate('publish'), disabled: status.isPending }]
                  : []),
                ...(assignment.status === 'draft' || (assignment.status === 'published' && !assignment.forAllStudents)
                  ? [{ label: t('assignments.studentsOf', { title: assignment.title }), onSelect: () => setChoosing(true) }]
                  : []),
                ...(quiz && assignment.status !== 'draft'
                  ? [{ label: t('quiz.statsOf', { title: assignment.title }), onSelect: () => setShowingStats((value) => !value) }]
                  : []),
                ...(assignment.status === 'published'
                  ? [{ label: t('assignments.closeNamed', { title: assignment.title }), onSelect: () => setClosing(true), destructive: true }]
                  : []),
              ]}
            />
          ) : null}
        </div>
      </div>
      {open ? (
        <div className="compact-row__details" id={detailsId}>
          <p className="muted">
            {t('assignments.maxScore', { score: String(assignment.maxScore) })}
            {assignment.latePenaltyPercent > 0 ? ` · ${t('assignments.latePenalty', { percent: assignment.latePenaltyPercent })}` : ''}
          </p>
          {teaches && !assignment.forAllStudents ? (
            <p data-chosen-students>
              <span className="muted">{t('assignments.forChosen')}:</span> {assignment.students.map((s) => s.fullName).join(', ')}
            </p>
          ) : null}
          {assignment.description ? <p className="pre-wrap">{assignment.description}</p> : null}
        </div>
      ) : null}
      {choosing ? <EditStudentsForm assignment={assignment} onDone={() => setChoosing(false)} /> : null}
      {showingStats ? <QuizStatsTable assignmentId={assignment.id} title={assignment.title} /> : null}
      {overTime !== undefined ? (
        <p className="submission" data-attempt-status="overTime">
          {t('assignments.attempt', { attempt: overTime.number })}: {t('assignments.overTime')}
        </p>
      ) : null}
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
          {latest.answers.length > 0 ? <QuizResult submission={latest} /> : null}
        </div>
      ) : null}
      {teaches ? (
        <ConfirmDialog
          open={closing}
          title={t('assignments.closeConfirmTitle', { title: assignment.title })}
          message={t('assignments.closeConfirm', { title: assignment.title })}
          confirmLabel={t('assignments.closeNamed', { title: assignment.title })}
          busy={status.isPending}
          onConfirm={() => status.mutate('close')}
          onCancel={() => setClosing(false)}
        />
      ) : null}
      {status.isError ? <FormAlert message={describeError(status.error, t)} /> : null}
      {canSubmit && !timed && !submitting ? (
        <button type="button" className="button button--small" onClick={() => setSubmitting(true)}>
          {t(quiz ? 'quiz.take' : 'assignments.submit')}
        </button>
      ) : null}
      {canStart && timed ? (
        <div className="actions">
          <p className="muted">{t('assignments.startExplained', { minutes: assignment.timeLimitMinutes ?? 0 })}</p>
          <button type="button" className="button button--small" disabled={start.isPending} onClick={() => start.mutate()}>
            {t('assignments.start')}
          </button>
        </div>
      ) : null}
      {start.isError ? <FormAlert message={describeError(start.error, t)} /> : null}
      {isOverTimeRefusal(submit.error) ? <FormAlert message={t('assignments.overTimeRefused')} /> : null}
      {openAttempt?.deadlineAt ? <AttemptCountdown deadlineAt={openAttempt.deadlineAt} /> : null}
      {answering && quiz ? (
        <QuizAnswerForm assignmentId={assignment.id} onDone={() => setSubmitting(false)} onCancel={timed ? undefined : () => setSubmitting(false)} />
      ) : null}
      {answering && !quiz ? (
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
          {submit.isError && !isOverTimeRefusal(submit.error) ? <FormAlert message={describeError(submit.error, t)} /> : null}
          <FormActions
            submitLabel={t('assignments.send')}
            busy={submit.isPending}
            disabled={empty || filesProblem !== null}
            dismiss={timed ? undefined : { label: t('common.cancel'), onClick: () => setSubmitting(false) }}
          />
        </form>
      ) : null}
    </li>
  );
}
