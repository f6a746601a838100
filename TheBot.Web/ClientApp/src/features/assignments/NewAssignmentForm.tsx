import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useForm } from '../../forms/useForm';
import { useI18n } from '../../i18n/I18nContext';
import { FormAlert } from '../../ui/FormAlert';
import { FormActions } from '../../ui/FormActions';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { fromLocalInputValue } from '../schedule/week';
import { MySubjectSelect } from '../subjects/MySubjectSelect';
import { ASSIGNMENT_KINDS, assignmentsKey, createAssignment, parseScore } from './assignmentsApi';
import { defaultDueAt, newAssignmentRules } from './newAssignmentForm';

export function NewAssignmentForm({ onDone }: { onDone: () => void }) {
  const { t, timeZone } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  // A checkbox is not text: it stays beside the form's text fields.
  const [publish, setPublish] = useState(true);
  const form = useForm(
    {
      subjectId: '',
      title: '',
      kind: 'homework',
      dueAt: defaultDueAt(new Date(), timeZone),
      maxScore: '10',
      latePenaltyPercent: '0',
      maxAttempts: '1',
      description: '',
    },
    newAssignmentRules,
    async (values) => {
      await createAssignment(api, {
        subjectId: values.subjectId,
        title: values.title.trim(),
        description: values.description.trim() === '' ? null : values.description.trim(),
        kind: values.kind,
        dueAt: (fromLocalInputValue(values.dueAt, timeZone) ?? new Date(NaN)).toISOString(),
        maxScore: parseScore(values.maxScore) ?? 0,
        latePenaltyPercent: Number(values.latePenaltyPercent) || 0,
        maxAttempts: Number(values.maxAttempts) || 1,
        publish,
      });
      void queryClient.invalidateQueries({ queryKey: assignmentsKey });
      onDone();
    },
  );

  return (
    <form className="panel form" onSubmit={form.onSubmit} noValidate aria-labelledby="new-assignment">
      <h2 id="new-assignment">{t('assignments.new')}</h2>
      <MySubjectSelect {...form.field('subjectId')} />
      <TextField {...form.field('title')} label={t('assignments.titleField')} required maxLength={200} />
      <SelectField
        {...form.field('kind')}
        label={t('assignments.kindField')}
        options={ASSIGNMENT_KINDS.map((value) => ({ value, label: t(`assignments.kind.${value}`) }))}
      />
      <TextField {...form.field('dueAt')} label={t('assignments.dueAt')} type="datetime-local" required />
      <TextField {...form.field('maxScore')} label={t('assignments.maxScoreField')} inputMode="decimal" required />
      <TextField {...form.field('latePenaltyPercent')} label={t('assignments.penaltyField')} type="number" min={0} max={100} />
      <TextField {...form.field('maxAttempts')} label={t('assignments.attemptsField')} type="number" min={1} max={20} />
      <TextAreaField {...form.field('description')} label={t('assignments.description')} rows={4} maxLength={4000} />
      <label className="checkbox">
        <input type="checkbox" checked={publish} onChange={(event) => setPublish(event.target.checked)} /> {t('assignments.publishNow')}
      </label>
      <FormAlert message={form.formError} />
      <FormActions
        submitLabel={t('assignments.create')}
        busy={form.submitting}
        busyLabel={t('common.saving')}
        disabled={form.values.subjectId === '' || form.values.title.trim() === ''}
        dismiss={{ label: t('common.cancel'), onClick: onDone }}
      />
    </form>
  );
}
