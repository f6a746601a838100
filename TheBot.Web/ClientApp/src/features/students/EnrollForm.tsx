import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../services/ServicesContext';
import { useForm } from '../../forms/useForm';
import { required } from '../../forms/validation';
import { useI18n } from '../../i18n/I18nContext';
import { FormAlert } from '../../ui/FormAlert';
import { FormActions } from '../../ui/FormActions';
import { PersonSelectField } from '../../ui/PersonSelectField';
import { SelectField } from '../../ui/SelectField';
import { subjectsQuery, subjectTeachersQuery } from '../subjects/subjectsApi';
import { enroll, enrollmentsKey } from './studentsApi';

/** Enrols one student in a subject with a teacher who teaches it. */
export function EnrollForm({ studentId, onDone }: { studentId: string; onDone: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const subjects = useQuery(subjectsQuery(api));
  const form = useForm({ subjectId: '', teacherId: '' }, { subjectId: [required], teacherId: [required] }, async (values) => {
    await enroll(api, { studentId, subjectId: values.subjectId, teacherId: values.teacherId });
    await queryClient.invalidateQueries({ queryKey: enrollmentsKey });
    onDone();
  });
  const teachers = useQuery(subjectTeachersQuery(api, form.values.subjectId));

  return (
    <form className="form form--inline" noValidate onSubmit={form.onSubmit} aria-label={t('students.enrollTitle')}>
      <SelectField
        {...form.field('subjectId')}
        label={t('students.subject')}
        required
        placeholder={t('common.choose')}
        options={(subjects.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
        onChange={(event) => {
          form.setValue('subjectId', event.target.value);
          form.setValue('teacherId', '');
        }}
      />
      <PersonSelectField
        {...form.field('teacherId')}
        label={t('students.teacher')}
        required
        placeholder={form.values.subjectId !== '' && teachers.data?.length === 0 ? t('students.noTeachers') : t('common.choose')}
        options={(teachers.data ?? []).map((p) => ({ value: p.id, label: p.fullName }))}
      />
      <FormAlert message={form.formError} />
      <FormActions submitLabel={t('students.enroll')} busy={form.submitting} dismiss={{ label: t('common.cancel'), onClick: onDone }} />
    </form>
  );
}
