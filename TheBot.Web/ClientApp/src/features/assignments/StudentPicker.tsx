import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { matchesSearch, sortByLabel } from '../../format/collation';
import { useI18n } from '../../i18n/I18nContext';
import { useApi } from '../../services/ServicesContext';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import { subjectStudentsQuery } from './assignmentsApi';

/** Who an assignment is for: the whole subject (`all`), or the chosen students' ids. */
export interface StudentChoice {
  all: boolean;
  ids: readonly string[];
}

/**
 * Whole subject, or chosen students from a searchable list of the students enrolled with the teacher in the subject.
 * `locked` students stay chosen (once published, students are only added); `allowAll` false hides the whole-subject option.
 */
export function StudentPicker({
  subjectId,
  value,
  onChange,
  locked = [],
  allowAll = true,
}: {
  subjectId: string;
  value: StudentChoice;
  onChange: (choice: StudentChoice) => void;
  locked?: readonly string[];
  allowAll?: boolean;
}) {
  const { t, language } = useI18n();
  const api = useApi();
  const name = useId();
  const [search, setSearch] = useState('');
  const students = useQuery(subjectStudentsQuery(api, subjectId));
  const toggle = (id: string) =>
    onChange({ all: false, ids: value.ids.includes(id) ? value.ids.filter((chosen) => chosen !== id) : [...value.ids, id] });
  const sorted = sortByLabel(students.data ?? [], (s) => s.fullName, language);
  const shown = sorted.filter((s) => matchesSearch(s.fullName, search, language));

  return (
    <fieldset className="fieldset student-picker" data-student-picker>
      <legend>{t('assignments.studentsField')}</legend>
      {allowAll ? (
        <>
          <label className="checkbox">
            <input type="radio" name={`${name}-for`} checked={value.all} onChange={() => onChange({ all: true, ids: [] })} />
            <span>{t('assignments.forWholeSubject')}</span>
          </label>
          <label className="checkbox">
            <input type="radio" name={`${name}-for`} checked={!value.all} onChange={() => onChange({ all: false, ids: value.ids })} />
            <span>{t('assignments.forChosen')}</span>
          </label>
        </>
      ) : null}
      {!value.all ? (
        subjectId === '' ? (
          <p className="muted">{t('assignments.pickSubjectFirst')}</p>
        ) : (
          <>
            {students.isPending ? <LoadingState /> : null}
            {students.isError ? <ErrorState error={students.error} onRetry={() => void students.refetch()} /> : null}
            {students.isSuccess && students.data.length === 0 ? <p className="muted">{t('assignments.noStudents')}</p> : null}
            {students.isSuccess && students.data.length > 0 ? (
              <>
                <input
                  type="search"
                  className="field__control picker__search"
                  name={`${name}-search`}
                  value={search}
                  onChange={(event) => setSearch(event.target.value)}
                  placeholder={t('assignments.searchStudents')}
                  aria-label={t('assignments.searchStudents')}
                />
                <div className="student-picker__list">
                  {shown.map((student) => (
                    <label key={student.id} className="checkbox" data-student={student.id}>
                      <input
                        type="checkbox"
                        checked={value.ids.includes(student.id)}
                        disabled={locked.includes(student.id)}
                        onChange={() => toggle(student.id)}
                      />
                      <span>{student.fullName}</span>
                    </label>
                  ))}
                  {shown.length === 0 ? <p className="muted">{t('assignments.noStudentMatches')}</p> : null}
                </div>
                <p className="muted" aria-live="polite">
                  {t('assignments.chosenCount', { count: value.ids.length })}
                </p>
              </>
            ) : null}
          </>
        )
      ) : null}
    </fieldset>
  );
}
