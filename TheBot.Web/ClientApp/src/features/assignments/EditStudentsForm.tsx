import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/I18nContext';
import { useApi } from '../../services/ServicesContext';
import { describeError } from '../../ui/describeError';
import { FormActions } from '../../ui/FormActions';
import { FormAlert } from '../../ui/FormAlert';
import { assignmentsKey, updateAssignment, type Assignment } from './assignmentsApi';
import { StudentPicker, type StudentChoice } from './StudentPicker';

/**
 * Changes who an assignment is for: freely while it is a draft; once published only by adding students (the chosen
 * ones stay ticked and cannot be unticked), each added student being told.
 */
export function EditStudentsForm({ assignment, onDone }: { assignment: Assignment; onDone: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const draft = assignment.status === 'draft';
  const current = assignment.students.map((s) => s.id);
  const [choice, setChoice] = useState<StudentChoice>({ all: assignment.forAllStudents, ids: current });
  const save = useMutation({
    mutationFn: () => updateAssignment(api, assignment.id, { studentIds: choice.all ? [] : [...choice.ids] }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: assignmentsKey });
      onDone();
    },
  });
  const nothingChosen = !choice.all && choice.ids.length === 0;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="form form--inline" onSubmit={onSubmit} noValidate aria-label={t('assignments.studentsOf', { title: assignment.title })}>
      {!draft ? <p className="muted">{t('assignments.onlyAdd')}</p> : null}
      <StudentPicker subjectId={assignment.subject.id} value={choice} onChange={setChoice} locked={draft ? [] : current} allowAll={draft} />
      {save.isError ? <FormAlert message={describeError(save.error, t)} /> : null}
      <FormActions
        submitLabel={t('assignments.saveStudents')}
        busy={save.isPending}
        busyLabel={t('common.saving')}
        disabled={nothingChosen}
        dismiss={{ label: t('common.cancel'), onClick: onDone }}
      />
    </form>
  );
}
