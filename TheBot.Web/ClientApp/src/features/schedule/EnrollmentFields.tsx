import { useMemo } from 'react';
import type { FieldErrors } from '../../api/problemDetails';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { PersonSelectField } from '../../ui/PersonSelectField';
import { SelectField } from '../../ui/SelectField';
import type { Enrollment } from './lessonsApi';

/**
 * Who the lesson is for: a student, then one of their enrollments (chosen for you when there is only one).
 * Admins see each enrollment's teacher beside its subject.
 */
export function EnrollmentFields({
  enrollments,
  studentId,
  enrollmentId,
  onChange,
  fieldErrors,
}: {
  enrollments: readonly Enrollment[];
  studentId: string;
  enrollmentId: string;
  onChange: (choice: { studentId: string; enrollmentId: string }) => void;
  fieldErrors: FieldErrors;
}) {
  const { t } = useI18n();
  const { user } = useAuth();
  const isAdmin = user?.role === 'admin';
  const students = useMemo(() => {
    const seen = new Map<string, string>();
    for (const enrollment of enrollments) {
      seen.set(enrollment.student.id, enrollment.student.fullName);
    }
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [enrollments]);
  const subjects = enrollments.filter((enrollment) => enrollment.student.id === studentId);

  return (
    <>
      {students.length === 0 ? <p className="muted">{t('lesson.noEnrollments')}</p> : null}
      <PersonSelectField
        name="lessonStudent"
        label={t('lesson.student')}
        placeholder={t('common.choose')}
        options={students}
        value={studentId}
        required
        errors={fieldErrors['studentId']}
        onChange={(event) => {
          const only = enrollments.filter((item) => item.student.id === event.target.value);
          onChange({ studentId: event.target.value, enrollmentId: only.length === 1 && only[0] ? only[0].id : '' });
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
        onChange={(event) => onChange({ studentId, enrollmentId: event.target.value })}
      />
    </>
  );
}
