import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FilePlus, Quote, Send } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/ApiError';
import { sortByLabel } from '../../format/collation';
import { useI18n } from '../../i18n/I18nContext';
import { useApi } from '../../services/ServicesContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { PersonSelectField } from '../../ui/PersonSelectField';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { TextAreaField } from '../../ui/TextAreaField';
import { dashboardQuery } from '../dashboard/dashboardApi';
import { FiguresFields } from './FiguresFields';
import { TeacherReportView } from './TeacherReportView';
import { TutorReportView } from './TutorReportView';
import { WeekPicker } from './WeekPicker';
import {
  createTutorReport,
  missingTeacherReportsQuery,
  readTeacherReport,
  sendTutorReport,
  teacherReportsQuery,
  toFiguresDraft,
  tutorReportsQuery,
  updateTutorReport,
  weeklyReportsKey,
  type NoteDraft,
  type TeacherReport,
  type TutorReport,
} from './weeklyReportsApi';

/** A tutor's week: who has not reported, the teachers' reports (read when opened), and the report to each child's parents. */
export function TutorReports({ currentWeek }: { currentWeek: string }) {
  const [week, setWeek] = useState<string | null>(null);
  const weekStart = week ?? currentWeek;
  return (
    <>
      <WeekPicker weekStart={weekStart} currentWeek={currentWeek} onWeek={setWeek} />
      <MissingReports weekStart={weekStart} />
      <TeacherInbox weekStart={weekStart} />
      <ParentReportWriter weekStart={weekStart} />
    </>
  );
}

function MissingReports({ weekStart }: { weekStart: string }) {
  const { t } = useI18n();
  const api = useApi();
  const query = useQuery(missingTeacherReportsQuery(api, weekStart));
  return (
    <section className="panel" aria-labelledby="missing-reports">
      <h2 id="missing-reports">{t('weeklyReports.missingTitle')}</h2>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? (
        query.data.items.length === 0 ? (
          <EmptyState message={t('weeklyReports.noneMissing')} />
        ) : (
          <ul className="item-list" data-missing-reports="">
            {query.data.items.map((item) => (
              <li key={`${item.student.id}/${item.subject.id}`} className="item-list__item">
                {t('weeklyReports.missingItem', { teacher: item.teacher.fullName, student: item.student.fullName, subject: item.subject.name })}
                {item.drafted ? ` · ${t('weeklyReports.drafted')}` : ''}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}

function TeacherInbox({ weekStart }: { weekStart: string }) {
  const { t } = useI18n();
  const api = useApi();
  const query = useQuery(teacherReportsQuery(api, { weekStart }));
  return (
    <section className="panel" aria-labelledby="teacher-reports">
      <h2 id="teacher-reports">{t('weeklyReports.inboxTitle')}</h2>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? (
        query.data.items.length === 0 ? (
          <EmptyState message={t('weeklyReports.inboxEmpty')} />
        ) : (
          <ul className="item-list">
            {query.data.items.map((report) => (
              <InboxItem key={report.id} report={report} />
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}

/** Opening a sent report marks it read. */
function InboxItem({ report }: { report: TeacherReport }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const read = useMutation({
    mutationFn: () => readTeacherReport(api, report.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: weeklyReportsKey }),
  });
  return (
    <li className="item-list__item">
      <details
        onToggle={(event) => {
          if (event.currentTarget.open && report.status === 'sent' && !read.isPending) {
            read.mutate();
          }
        }}
      >
        <summary className="weekly-report__summary">
          {report.student.fullName} — {report.subject.name} · {report.teacher.fullName}{' '}
          <span className="badge" data-status={report.status}>
            {t(`weeklyReports.status.${report.status}`)}
          </span>
        </summary>
        <TeacherReportView report={report} />
      </details>
    </li>
  );
}

function ParentReportWriter({ weekStart }: { weekStart: string }) {
  const { t, language } = useI18n();
  const api = useApi();
  const dashboard = useQuery(dashboardQuery(api));
  const [chosen, setChosen] = useState('');
  const students = sortByLabel(
    (dashboard.data?.tutor?.students ?? []).map((person) => ({ value: person.id, label: person.fullName })),
    (option) => option.label,
    language,
  );
  const studentId = chosen !== '' ? chosen : (students[0]?.value ?? '');
  return (
    <section className="panel" aria-labelledby="parent-report">
      <h2 id="parent-report">{t('weeklyReports.toParentsTitle')}</h2>
      {dashboard.isPending ? <LoadingState /> : null}
      {dashboard.isError ? <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} /> : null}
      {dashboard.isSuccess && students.length === 0 ? <EmptyState message={t('progress.noStudents')} /> : null}
      {students.length > 0 ? (
        <>
          <div className="toolbar">
            <PersonSelectField name="parentReportStudent" label={t('progress.student')} options={students} value={studentId} onChange={(event) => setChosen(event.target.value)} />
          </div>
          <ChildWeek key={`${studentId}/${weekStart}`} studentId={studentId} weekStart={weekStart} />
        </>
      ) : null}
    </section>
  );
}

function ChildWeek({ studentId, weekStart }: { studentId: string; weekStart: string }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const query = useQuery(tutorReportsQuery(api, { studentId, weekStart }));
  const teachers = useQuery(teacherReportsQuery(api, { studentId, weekStart }));
  const create = useMutation({
    mutationFn: () => createTutorReport(api, { studentId, weekStart }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: weeklyReportsKey }),
  });
  if (query.isPending || teachers.isPending) {
    return <LoadingState />;
  }
  if (query.isError || teachers.isError) {
    const failed = query.isError ? query : teachers;
    return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  }
  const report = query.data.items.find((r) => r.legacyTitle === null || r.legacyTitle === undefined);
  if (report) {
    return report.status === 'draft' ? <TutorReportEditor key={report.id} report={report} teacherReports={teachers.data.items} /> : <TutorReportView report={report} />;
  }
  return (
    <>
      <EmptyState message={t('weeklyReports.noReport')} />
      <div className="actions">
        <button type="button" className="button" disabled={create.isPending} onClick={() => create.mutate()}>
          <FilePlus aria-hidden="true" size={18} /> {t('weeklyReports.startDraft')}
        </button>
      </div>
      <FormAlert message={create.isError ? describeError(create.error, t) : null} />
    </>
  );
}

function initialNotes(report: TutorReport, teacherReports: readonly TeacherReport[]): NoteDraft[] {
  const notes: NoteDraft[] = report.notes.map((note) => ({ subjectId: note.subject.id, subjectName: note.subject.name, text: note.text }));
  for (const teacherReport of teacherReports) {
    if (!notes.some((note) => note.subjectId === teacherReport.subject.id)) {
      notes.push({ subjectId: teacherReport.subject.id, subjectName: teacherReport.subject.name, text: '' });
    }
  }
  return notes;
}

function TutorReportEditor({ report, teacherReports }: { report: TutorReport; teacherReports: readonly TeacherReport[] }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [summary, setSummary] = useState(report.summary);
  const [recommendations, setRecommendations] = useState(report.recommendations);
  const [notes, setNotes] = useState(() => initialNotes(report, teacherReports));
  const [figures, setFigures] = useState(toFiguresDraft(report.figures));
  const [saved, setSaved] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: weeklyReportsKey });
  const draft = () => ({ summary, recommendations, notes, figures });
  const save = useMutation({
    mutationFn: () => updateTutorReport(api, report.id, draft()),
    onSuccess: () => {
      setSaved(true);
      refresh();
    },
  });
  const send = useMutation({
    mutationFn: async () => {
      await updateTutorReport(api, report.id, draft());
      return sendTutorReport(api, report.id);
    },
    onSuccess: refresh,
  });
  const error = save.error ?? send.error;
  const fieldErrors = isApiError(error) ? error.fieldErrors : {};
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  };
  const quote = (index: number) => {
    const note = notes[index];
    const source = teacherReports.find((r) => r.subject.id === note?.subjectId);
    if (!note || !source) {
      return;
    }
    const quoted = `${t('weeklyReports.quoteFrom', { teacher: source.teacher.fullName })} «${source.summary}»`;
    setNotes(notes.map((n, i) => (i === index ? { ...n, text: n.text.trim() === '' ? quoted : `${n.text}\n${quoted}` } : n)));
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t('weeklyReports.tutorReportFor', { student: report.student.fullName })}>
      <p>
        <span className="badge" data-status={report.status}>
          {t(`weeklyReports.status.${report.status}`)}
        </span>
      </p>
      <TextAreaField name="tutor-summary" label={t('weeklyReports.summary')} rows={4} required maxLength={12000} value={summary} errors={fieldErrors['summary']} onChange={(event) => setSummary(event.target.value)} />
      {notes.length > 0 ? (
        <fieldset className="form__group">
          <legend>{t('weeklyReports.notes')}</legend>
          {notes.map((note, index) => (
            <div key={note.subjectId} className="weekly-report__note">
              <TextAreaField
                name={`tutor-note-${index}`}
                label={t('weeklyReports.noteFor', { subject: note.subjectName })}
                rows={3}
                maxLength={4000}
                value={note.text}
                errors={fieldErrors[`notes[${index}].text`]}
                onChange={(event) => setNotes(notes.map((n, i) => (i === index ? { ...n, text: event.target.value } : n)))}
              />
              {teacherReports.some((r) => r.subject.id === note.subjectId) ? (
                <button type="button" className="button button--secondary button--small" onClick={() => quote(index)}>
                  <Quote aria-hidden="true" size={16} /> {t('weeklyReports.quote', { subject: note.subjectName })}
                </button>
              ) : null}
            </div>
          ))}
        </fieldset>
      ) : null}
      <TextAreaField name="tutor-recommendations" label={t('weeklyReports.recommendations')} rows={3} maxLength={4000} value={recommendations} errors={fieldErrors['recommendations']} onChange={(event) => setRecommendations(event.target.value)} />
      <FiguresFields figures={figures} onChange={setFigures} errors={fieldErrors} />
      <FormAlert message={error && Object.keys(fieldErrors).length === 0 ? describeError(error, t) : null} />
      {saved && !save.isPending ? (
        <p role="status" className="hint">
          {t('weeklyReports.saved')}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button button--secondary" disabled={save.isPending || send.isPending}>
          {t('weeklyReports.save')}
        </button>
        <button type="button" className="button" disabled={save.isPending || send.isPending || summary.trim() === ''} onClick={() => send.mutate()}>
          <Send aria-hidden="true" size={18} /> {t('weeklyReports.sendToParents')}
        </button>
      </div>
    </form>
  );
}
