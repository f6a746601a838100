import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useApi } from '../../services/ServicesContext';
import { describeError } from '../../ui/describeError';
import { FormActions } from '../../ui/FormActions';
import { FormAlert } from '../../ui/FormAlert';
import { useKnowledgeI18n } from './i18n';
import { applyTemplate, knowledgeKey, type KnowledgeGraph } from './knowledgeApi';
import { useTeacherClasses } from './useTeacherClasses';

/** A template's lessons and edges copied onto the graphs of chosen students of its subject. */
export function ApplyTemplateForm({ graph }: { graph: KnowledgeGraph }) {
  const { t } = useKnowledgeI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const students = useTeacherClasses().studentsOf(graph.subject.id);
  const [chosen, setChosen] = useState<string[]>([]);
  const apply = useMutation({
    mutationFn: () => applyTemplate(api, graph.id, chosen),
    onSuccess: () => {
      setChosen([]);
      void queryClient.invalidateQueries({ queryKey: knowledgeKey });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length > 0) {
      apply.mutate();
    }
  };
  return (
    <form className="form card" onSubmit={submit} aria-labelledby="knowledge-apply-title" data-apply-template>
      <h2 id="knowledge-apply-title">{t('knowledge.applyTemplate')}</h2>
      <fieldset className="fieldset">
        <legend>{t('knowledge.applyTo')}</legend>
        {students.length === 0 ? <p className="muted">{t('knowledge.noStudents')}</p> : null}
        {students.map((student) => (
          <label key={student.value} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(student.value)}
              onChange={(event) => setChosen((current) => (event.target.checked ? [...current, student.value] : current.filter((id) => id !== student.value)))}
            />
            {student.label}
          </label>
        ))}
      </fieldset>
      {apply.isSuccess ? <FormAlert tone="success" message={t('knowledge.applied', { count: apply.data.length })} /> : null}
      {apply.error ? <FormAlert message={describeError(apply.error, t)} /> : null}
      <FormActions submitLabel={t('knowledge.apply')} busy={apply.isPending} disabled={chosen.length === 0} />
    </form>
  );
}
