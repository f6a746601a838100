import { useQuery } from '@tanstack/react-query';
import type { FieldBinding } from '../../forms/useForm';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { SelectField } from '../../ui/SelectField';
import { mySubjectsQuery } from './subjectsApi';

/**
 * A required choice among the subjects the signed-in teacher teaches (what they set work and publish materials in),
 * bound like any field: `<MySubjectSelect {...form.field('subjectId')} />`.
 */
export function MySubjectSelect(binding: FieldBinding) {
  const { t } = useI18n();
  const api = useApi();
  const subjects = useQuery(mySubjectsQuery(api));
  return (
    <SelectField
      {...binding}
      label={t('lesson.subject')}
      placeholder={t('common.choose')}
      options={(subjects.data ?? []).map((subject) => ({ value: subject.id, label: subject.name }))}
      required
    />
  );
}
