import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FilePlus, Paperclip, Send } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/ApiError';
import { sortByLabel } from '../../format/collation';
import { formatFileSize } from '../../format/fileSize';
import { useI18n } from '../../i18n/I18nContext';
import { useApi } from '../../services/ServicesContext';
import { describeError } from '../../ui/describeError';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { activeEnrollmentsQuery } from '../schedule/lessonsApi';
import { FiguresFields } from './FiguresFields';
import { TeacherReportView } from './TeacherReportView';
import { WeekPicker } from './WeekPicker';
import {
  createTeacherReport,
  sendTeacherReport,
  teacherReportsQuery,
  toFiguresDraft,
  updateTeacherReport,
  uploadTeacherReportFile,
  weeklyReportsKey,
  type TeacherReport,
} from './weeklyReportsApi';

interface Target {
  studentId: string;
  subjectId: string;
  weekStart: string;
}

/** A teacher picks a student and subject they teach and a week, drafts the report (figures filled in), corrects it and sends it. */
export function TeacherReports({ currentWeek }: { currentWeek: string }) {
  const { t, language } = useI18n();
  const api = useApi();
  const enrollments = useQuery(activeEnrollmentsQuery(api));
  const [chosen, setChosen] = useState('');
  const [week, setWeek] = useState<string | null>(null);
  if (enrollments.isPending) {
    return <LoadingState />;
  }
  if (enrollments.isError) {
    return <ErrorState error={enrollments.error} onRetry={() => void enrollments.refetch()} />;
  }
  const options = sortByLabel(
    enrollments.data.items.map((e) => ({ value: e.id, label: `${e.student.fullName} — ${e.subject.name}` })),
    (option) => option.label,
    language,
  );
  if (options.length === 0) {
    return <EmptyState message={t('studyPlans.noEnrollments')} />;
  }
  const enrollmentId = chosen !== '' ? chosen : (options[0]?.value ?? '');
  const enrollment = enrollments.data.items.find((e) => e.id === enrollmentId);
  const weekStart = week ?? currentWeek;
  return (
    <>
      <div className="toolbar">
        <SelectField name="reportEnrollment" label={t('studyPlans.enrollment')} options={options} value={enrollmentId} onChange={(event) => setChosen(event.target.value)} />
      </div>
      <WeekPicker weekStart={weekStart} currentWeek={currentWeek} onWeek={setWeek} />
      {enrollment ? <WeekReport target={{ studentId: enrollment.student.id, subjectId: enrollment.subject.id, weekStart }} /> : null}
    </>
  );
}

function WeekReport({ target }: { target: Target }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const query = useQuery(teacherReportsQuery(api, target));
  const create = useMutation({
    mutationFn: () => createTeacherReport(api, target),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: weeklyReportsKey }),
  });
  if (query.isPending) {
    return <LoadingState />;
  }
  if (query.isError) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const report = query.data.items[0];
  if (report) {
    return report.status === 'draft' ? <TeacherReportEditor key={report.id} report={report} /> : <TeacherReportView report={report} />;
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

function TeacherReportEditor({ report }: { report: TeacherReport }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [texts, setTexts] = useState({ summary: report.summary, progress: report.progress, concerns: report.concerns, recommendations: report.recommendations });
  const [figures, setFigures] = useState(toFiguresDraft(report.figures));
  const [saved, setSaved] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: weeklyReportsKey });
  const save = useMutation({
    mutationFn: () => updateTeacherReport(api, report.id, { ...texts, figures }),
    onSuccess: () => {
      setSaved(true);
      refresh();
    },
  });
  const send = useMutation({
    mutationFn: async () => {
      await updateTeacherReport(api, report.id, { ...texts, figures });
      return sendTeacherReport(api, report.id);
    },
    onSuccess: refresh,
  });
  const upload = useMutation({ mutationFn: (file: File) => uploadTeacherReportFile(api, report.id, file), onSuccess: refresh });
  const error = save.error ?? send.error ?? upload.error;
  const fieldErrors = isApiError(error) ? error.fieldErrors : {};
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  };
  const text = (name: keyof typeof texts, rows: number) => (
    <TextAreaField
      name={`report-${name}`}
      label={t(`weeklyReports.${name}`)}
      rows={rows}
      maxLength={4000}
      required={name === 'summary'}
      value={texts[name]}
      errors={fieldErrors[name]}
      onChange={(event) => setTexts({ ...texts, [name]: event.target.value })}
    />
  );
  return (
    <form className="form panel" onSubmit={onSubmit} noValidate aria-label={t('weeklyReports.teacherReportFor', { student: report.student.fullName, subject: report.subject.name })}>
      <p>
        <span className="badge" data-status={report.status}>
          {t(`weeklyReports.status.${report.status}`)}
        </span>
      </p>
      {text('summary', 3)}
      {text('progress', 3)}
      {text('concerns', 3)}
      {text('recommendations', 3)}
      <FiguresFields figures={figures} onChange={setFigures} errors={fieldErrors} />
      <Field name="report-file" label={report.file ? t('weeklyReports.replaceFile', { name: report.file.fileName, size: formatFileSize(report.file.length) }) : t('weeklyReports.attachFile')}>
        {(control) => (
          <input
            {...control}
            type="file"
            disabled={upload.isPending}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) {
                upload.mutate(file);
              }
            }}
          />
        )}
      </Field>
      {report.file ? (
        <p className="hint">
          <Paperclip aria-hidden="true" size={16} /> {report.file.fileName}
        </p>
      ) : null}
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
        <button type="button" className="button" disabled={save.isPending || send.isPending || texts.summary.trim() === ''} onClick={() => send.mutate()}>
          <Send aria-hidden="true" size={18} /> {t('weeklyReports.sendToTutor')}
        </button>
      </div>
    </form>
  );
}
