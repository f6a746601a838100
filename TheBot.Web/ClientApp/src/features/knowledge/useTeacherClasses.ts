import { useQuery } from '@tanstack/react-query';
import { sortByLabel } from '../../format/collation';
import { useI18n } from '../../i18n/I18nContext';
import { useApi } from '../../services/ServicesContext';
import { activeEnrollmentsQuery } from '../schedule/lessonsApi';

export interface Option {
  value: string;
  label: string;
}

/** The subjects a teacher teaches and, per subject, the students enrolled with them (from their active enrollments). */
export function useTeacherClasses() {
  const { language } = useI18n();
  const api = useApi();
  const enrollments = useQuery(activeEnrollmentsQuery(api));
  const items = enrollments.data?.items ?? [];
  const subjects = sortByLabel(
    [...new Map(items.map((e) => [e.subject.id, { value: e.subject.id, label: e.subject.name }])).values()],
    (option) => option.label,
    language,
  );
  const studentsOf = (subjectId: string): Option[] =>
    sortByLabel(
      items.filter((e) => e.subject.id === subjectId).map((e) => ({ value: e.student.id, label: e.student.fullName })),
      (option) => option.label,
      language,
    );
  const subjectName = (subjectId: string) => subjects.find((s) => s.value === subjectId)?.label ?? '';
  return { query: enrollments, subjects, studentsOf, subjectName };
}
