import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { SelectField } from '../../ui/SelectField';
import { mySubjectsQuery } from './subjectsApi';

/** A required choice among the subjects the signed-in teacher teaches (what they set work and publish materials in). */
export function MySubjectSelect({
  name,
  value,
  errors,
  onChange,
}: {
  name: string;
  value: string;
  errors: readonly string[] | undefined;
  onChange: (subjectId: string) => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const subjects = useQuery(mySubjectsQuery(api));
  return (
    <SelectField
      name={name}
      label={t('lesson.subject')}
      placeholder={t('common.choose')}
      options={(subjects.data ?? []).map((subject) => ({ value: subject.id, label: subject.name }))}
      value={value}
      required
      errors={errors}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
