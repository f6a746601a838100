import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/ApiError';
import { useApi } from '../../services/ServicesContext';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { lessonConflictOf } from './conflict';
import { LessonConflictAlert } from './LessonConflictAlert';
import { activeEnrollmentsQuery, createLesson, lessonsKey, type Enrollment } from './lessonsApi';
import { endAfter, fromLocalInputValue, toLocalInputValue } from './week';

export const DURATIONS = [30, 45, 60, 90, 120, 180, 240] as const;

function nextFullHour(): Date {
  const date = new Date();
  date.setHours(date.getHours() + 1, 0, 0, 0);
  return date;
}

/** Teachers (and admins) book a lesson within one of their active enrollments. */
export function NewLessonForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { user } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const enrollments = useQuery(activeEnrollmentsQuery(api));
  const [studentId, setStudentId] = useState('');
  const [enrollmentId, setEnrollmentId] = useState('');
  const [startsAt, setStartsAt] = useState(() => toLocalInputValue(nextFullHour()));
  const [duration, setDuration] = useState('60');
  const [topic, setTopic] = useState('');
  const [meetingLink, setMeetingLink] = useState('');

  const all = useMemo(() => enrollments.data?.items ?? [], [enrollments.data]);
  const students = useMemo(() => {
    const seen = new Map<string, string>();
    for (const enrollment of all) {
      seen.set(enrollment.student.id, enrollment.student.fullName);
    }
    return [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  }, [all]);
  const subjects = all.filter((enrollment) => enrollment.student.id === studentId);
  const isAdmin = user?.role === 'admin';

  const mutation = useMutation({
    mutationFn: (enrollment: Enrollment) => {
      const start = fromLocalInputValue(startsAt);
      if (start === null) {
        throw new Error('invalid start');
      }
      return createLesson(api, {
        studentId: enrollment.student.id,
        subjectId: enrollment.subject.id,
        ...(isAdmin ? { teacherId: enrollment.teacher.id } : {}),
        startsAt: start.toISOString(),
        endsAt: endAfter(start, Number(duration)).toISOString(),
        topic: topic.trim() === '' ? null : topic.trim(),
        meetingLink: meetingLink.trim() === '' ? null : meetingLink.trim(),
      });
    },
    onSuccess: (lesson) => {
      void queryClient.invalidateQueries({ queryKey: lessonsKey });
      void navigate(`/schedule/${lesson.id}`);
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const enrollment = subjects.find((item) => item.id === enrollmentId);
    if (enrollment !== undefined) {
      mutation.mutate(enrollment);
    }
  };

  if (enrollments.isPending) {
    return <LoadingState />;
  }
  if (enrollments.isError) {
    return <ErrorState error={enrollments.error} onRetry={() => void enrollments.refetch()} />;
  }

  const error = mutation.error;
  const fieldErrors = isApiError(error) ? error.fieldErrors : {};
  const conflict = lessonConflictOf(error);

  return (
    <form className="panel form" onSubmit={onSubmit} noValidate aria-labelledby="new-lesson-title">
      <h2 id="new-lesson-title">{t('lesson.new')}</h2>
      {students.length === 0 ? <p className="muted">{t('lesson.noEnrollments')}</p> : null}
      <SelectField
        name="lessonStudent"
        label={t('lesson.student')}
        placeholder={t('common.choose')}
        options={students}
        value={studentId}
        required
        errors={fieldErrors['studentId']}
        onChange={(event) => {
          setStudentId(event.target.value);
          const only = all.filter((item) => item.student.id === event.target.value);
          setEnrollmentId(only.length === 1 && only[0] ? only[0].id : '');
        }}
      />
      <SelectField
        name="lessonSubject"
        label={t('lesson.subject')}
        placeholder={t('common.choose')}
        options={subjects.map((item) => ({
          value: item.id,
          label: isAdmin ? `${item.subject.name} · ${item.teacher.fullName}` : item.subject.name,
        }))}
        value={enrollmentId}
        required
        disabled={studentId === ''}
        errors={fieldErrors['subjectId']}
        onChange={(event) => setEnrollmentId(event.target.value)}
      />
      <TextField
        name="lessonStart"
        label={t('lesson.start')}
        type="datetime-local"
        value={startsAt}
        required
        errors={fieldErrors['startsAt']}
        onChange={(event) => setStartsAt(event.target.value)}
      />
      <SelectField
        name="lessonDuration"
        label={t('lesson.duration')}
        options={DURATIONS.map((minutes) => ({ value: String(minutes), label: t('lesson.minutes', { minutes }) }))}
        value={duration}
        errors={fieldErrors['endsAt']}
        onChange={(event) => setDuration(event.target.value)}
      />
      <TextField
        name="lessonTopic"
        label={t('lesson.topic')}
        value={topic}
        maxLength={200}
        errors={fieldErrors['topic']}
        onChange={(event) => setTopic(event.target.value)}
      />
      <TextField
        name="lessonLink"
        label={t('lesson.meetingLink')}
        type="url"
        placeholder="https://"
        value={meetingLink}
        maxLength={500}
        errors={fieldErrors['meetingLink']}
        onChange={(event) => setMeetingLink(event.target.value)}
      />
      {conflict !== null ? <LessonConflictAlert conflict={conflict} /> : null}
      {error !== null && conflict === null ? <FormAlert message={describeError(error, t)} /> : null}
      <div className="actions">
        <button type="submit" className="button" disabled={mutation.isPending || enrollmentId === ''}>
          {mutation.isPending ? t('common.saving') : t('lesson.book')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
