import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/ApiError';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { FormActions } from '../../ui/FormActions';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { fromLocalInputValue, toLocalInputValue } from '../schedule/week';
import { MySubjectSelect } from '../subjects/MySubjectSelect';
import { ASSIGNMENT_KINDS, assignmentsKey, createAssignment, parseScore } from './assignmentsApi';

export function NewAssignmentForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [subjectId, setSubjectId] = useState('');
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<string>('homework');
  const [dueAt, setDueAt] = useState(() => {
    const date = new Date();
    date.setDate(date.getDate() + 7);
    date.setHours(20, 0, 0, 0);
    return toLocalInputValue(date);
  });
  const [maxScore, setMaxScore] = useState('10');
  const [penalty, setPenalty] = useState('0');
  const [attempts, setAttempts] = useState('1');
  const [description, setDescription] = useState('');
  const [publish, setPublish] = useState(true);
  const mutation = useMutation({
    mutationFn: () =>
      createAssignment(api, {
        subjectId,
        title: title.trim(),
        description: description.trim() === '' ? null : description.trim(),
        kind,
        dueAt: (fromLocalInputValue(dueAt) ?? new Date(NaN)).toISOString(),
        maxScore: parseScore(maxScore) ?? 0,
        latePenaltyPercent: Number(penalty) || 0,
        maxAttempts: Number(attempts) || 1,
        publish,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: assignmentsKey });
      onDone();
    },
  });
  const fieldErrors = isApiError(mutation.error) ? mutation.error.fieldErrors : {};
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (fromLocalInputValue(dueAt) !== null) {
      mutation.mutate();
    }
  };

  return (
    <form className="panel form" onSubmit={onSubmit} noValidate aria-labelledby="new-assignment">
      <h2 id="new-assignment">{t('assignments.new')}</h2>
      <MySubjectSelect name="assignmentSubject" value={subjectId} errors={fieldErrors['subjectId']} onChange={setSubjectId} />
      <TextField name="assignmentTitle" label={t('assignments.titleField')} value={title} required maxLength={200} errors={fieldErrors['title']} onChange={(event) => setTitle(event.target.value)} />
      <SelectField
        name="assignmentKind"
        label={t('assignments.kindField')}
        options={ASSIGNMENT_KINDS.map((value) => ({ value, label: t(`assignments.kind.${value}`) }))}
        value={kind}
        errors={fieldErrors['kind']}
        onChange={(event) => setKind(event.target.value)}
      />
      <TextField name="assignmentDue" label={t('assignments.dueAt')} type="datetime-local" value={dueAt} required errors={fieldErrors['dueAt']} onChange={(event) => setDueAt(event.target.value)} />
      <TextField name="assignmentMaxScore" label={t('assignments.maxScoreField')} inputMode="decimal" value={maxScore} required errors={fieldErrors['maxScore']} onChange={(event) => setMaxScore(event.target.value)} />
      <TextField name="assignmentPenalty" label={t('assignments.penaltyField')} type="number" min={0} max={100} value={penalty} errors={fieldErrors['latePenaltyPercent']} onChange={(event) => setPenalty(event.target.value)} />
      <TextField name="assignmentAttempts" label={t('assignments.attemptsField')} type="number" min={1} max={20} value={attempts} errors={fieldErrors['maxAttempts']} onChange={(event) => setAttempts(event.target.value)} />
      <TextAreaField name="assignmentDescription" label={t('assignments.description')} rows={4} maxLength={4000} value={description} errors={fieldErrors['description']} onChange={(event) => setDescription(event.target.value)} />
      <label className="checkbox">
        <input type="checkbox" checked={publish} onChange={(event) => setPublish(event.target.checked)} /> {t('assignments.publishNow')}
      </label>
      {mutation.isError ? <FormAlert message={describeError(mutation.error, t)} /> : null}
      <FormActions
        submitLabel={t('assignments.create')}
        busy={mutation.isPending}
        busyLabel={t('common.saving')}
        disabled={subjectId === '' || title.trim() === ''}
        dismiss={{ label: t('common.cancel'), onClick: onDone }}
      />
    </form>
  );
}
