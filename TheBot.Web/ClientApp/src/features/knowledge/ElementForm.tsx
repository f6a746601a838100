import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Plus, Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/ApiError';
import { useKnowledgeI18n } from './i18n';
import { useApi } from '../../services/ServicesContext';
import { describeError } from '../../ui/describeError';
import { FormActions } from '../../ui/FormActions';
import { FormAlert } from '../../ui/FormAlert';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { elementProblems, isAnswerable, toElementRequest, withKind, type DraftProblems, type ElementDraft } from './elementDraft';
import { CHECKS_OF, ELEMENT_KINDS, createElement, knowledgeKey, updateElement, type ElementCheck, type ElementKind, type KnowledgeElement } from './knowledgeApi';
import { RichText } from './RichText';
import type { Option } from './useTeacherClasses';

/** Writes or edits one element; the fields follow its kind and check, the body's formulas preview as typed. */
export function ElementForm({ initial, elementId, subjects, onDone }: { initial: ElementDraft; elementId?: string; subjects: Option[]; onDone: (element?: KnowledgeElement) => void }) {
  const { t } = useKnowledgeI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(initial);
  const [checked, setChecked] = useState(false);
  const save = useMutation({
    mutationFn: () => (elementId ? updateElement(api, elementId, toElementRequest(draft)) : createElement(api, toElementRequest(draft))),
    onSuccess: (element) => {
      void queryClient.invalidateQueries({ queryKey: knowledgeKey });
      onDone(element);
    },
  });
  const problems: DraftProblems = checked ? elementProblems(draft) : {};
  const server = isApiError(save.error) ? save.error.fieldErrors : {};
  const errors = (field: keyof DraftProblems) => {
    const messages = [...(problems[field] ? [t(problems[field])] : []), ...(server[field] ?? [])];
    return messages.length > 0 ? messages : undefined;
  };
  const set = (change: Partial<ElementDraft>) => setDraft((current) => ({ ...current, ...change }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(elementProblems(draft)).length === 0) {
      save.mutate();
    }
  };
  const single = draft.check === 'single';
  return (
    <form className="form card knowledge-element-form" onSubmit={submit} noValidate data-element-form aria-labelledby="knowledge-element-form-title">
      <h2 id="knowledge-element-form-title">{elementId ? t('knowledge.editElement') : t('knowledge.newElement')}</h2>
      <div className="knowledge-form__row">
        <SelectField name="elementSubject" label={t('knowledge.subject')} options={subjects} value={draft.subjectId} disabled={elementId !== undefined} onChange={(event) => set({ subjectId: event.target.value })} />
        <SelectField
          name="elementKind"
          label={t('knowledge.kind')}
          options={ELEMENT_KINDS.map((value) => ({ value, label: t(`knowledge.kind.${value}`) }))}
          value={draft.kind}
          onChange={(event) => setDraft((current) => withKind(current, event.target.value as ElementKind))}
        />
        {CHECKS_OF[draft.kind].length > 1 ? (
          <SelectField
            name="elementCheck"
            label={t('knowledge.check.label')}
            options={CHECKS_OF[draft.kind].map((value) => ({ value, label: t(`knowledge.check.${value}`) }))}
            value={draft.check}
            onChange={(event) => set({ check: event.target.value as ElementCheck })}
          />
        ) : null}
      </div>
      <TextField name="elementTitle" label={t('knowledge.elementTitle')} required maxLength={200} value={draft.title} errors={errors('title')} onChange={(event) => set({ title: event.target.value })} />
      <TextAreaField
        name="elementBody"
        label={draft.kind === 'theory' ? t('knowledge.body') : t('knowledge.prompt')}
        hint={t('knowledge.bodyHint')}
        rows={draft.kind === 'theory' ? 8 : 3}
        maxLength={20000}
        required={draft.kind === 'theory'}
        value={draft.body}
        errors={errors('body')}
        onChange={(event) => set({ body: event.target.value })}
      />
      {draft.body.trim() !== '' ? (
        <div className="knowledge-preview" aria-label={t('knowledge.preview')} role="group" data-element-preview>
          <p className="muted">{t('knowledge.preview')}</p>
          <RichText body={draft.body} />
        </div>
      ) : null}
      {draft.kind === 'video' ? (
        <TextField name="elementVideoUrl" label={t('knowledge.videoUrl')} hint={t('knowledge.videoUrlHint')} type="url" required value={draft.videoUrl} errors={errors('videoUrl')} onChange={(event) => set({ videoUrl: event.target.value })} />
      ) : null}
      {draft.kind === 'question' ? (
        <fieldset className="fieldset" aria-describedby={errors('options') ? 'elementOptions-error' : undefined}>
          <legend>{t('knowledge.options')}</legend>
          {draft.options.map((option, index) => {
            const letter = String.fromCharCode(97 + index);
            return (
              <div className="knowledge-option" key={option.key} data-option={index}>
                <TextField
                  name={`elementOption-${index}`}
                  label={t('knowledge.option', { letter })}
                  value={option.text}
                  onChange={(event) => set({ options: draft.options.map((o, i) => (i === index ? { ...o, text: event.target.value } : o)) })}
                />
                <label className="checkbox">
                  <input
                    type={single ? 'radio' : 'checkbox'}
                    name="elementCorrect"
                    checked={option.correct}
                    onChange={(event) =>
                      set({ options: draft.options.map((o, i) => (i === index ? { ...o, correct: event.target.checked } : single ? { ...o, correct: false } : o)) })
                    }
                  />
                  {t('knowledge.optionCorrect', { letter })}
                </label>
                {draft.options.length > 2 ? (
                  <button type="button" className="button button--secondary button--small" onClick={() => set({ options: draft.options.filter((_, i) => i !== index) })} aria-label={t('knowledge.removeOption', { letter })}>
                    <Trash2 className="icon" size={16} aria-hidden="true" focusable="false" />
                  </button>
                ) : null}
              </div>
            );
          })}
          {draft.options.length < 10 ? (
            <button type="button" className="button button--secondary button--small" onClick={() => set({ options: [...draft.options, { key: `o${Date.now()}`, text: '', correct: false }] })}>
              <Plus className="icon" size={16} aria-hidden="true" focusable="false" />
              {t('knowledge.addOption')}
            </button>
          ) : null}
          {errors('options') ? (
            <p className="text-error" id="elementOptions-error">
              {errors('options')!.join(' ')}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      {draft.kind === 'problem' && draft.check === 'number' ? (
        <div className="knowledge-form__row">
          <TextField name="elementCorrectNumber" label={t('knowledge.answerNumber')} inputMode="decimal" required value={draft.correctNumber} errors={errors('correctNumber')} onChange={(event) => set({ correctNumber: event.target.value })} />
          <TextField name="elementTolerance" label={t('knowledge.tolerance')} inputMode="decimal" value={draft.tolerance} errors={errors('tolerance')} onChange={(event) => set({ tolerance: event.target.value })} />
        </div>
      ) : null}
      {draft.kind === 'problem' && draft.check === 'text' ? (
        <TextAreaField name="elementAcceptedAnswers" label={t('knowledge.acceptedAnswers')} rows={3} required value={draft.acceptedAnswers} errors={errors('acceptedAnswers')} onChange={(event) => set({ acceptedAnswers: event.target.value })} />
      ) : null}
      {draft.kind === 'problem' && draft.check === 'free' ? <p className="muted">{t('knowledge.freeHint')}</p> : null}
      <div className="knowledge-form__row">
        {isAnswerable(draft.kind) ? (
          <TextField name="elementPoints" label={t('knowledge.pointsField')} inputMode="decimal" value={draft.points} errors={errors('points')} onChange={(event) => set({ points: event.target.value })} />
        ) : null}
        <SelectField
          name="elementDifficulty"
          label={t('knowledge.difficulty')}
          options={['1', '2', '3', '4', '5'].map((value) => ({ value, label: t(`knowledge.difficulty.${value}` as 'knowledge.difficulty.1') }))}
          value={draft.difficulty}
          errors={errors('difficulty')}
          onChange={(event) => set({ difficulty: event.target.value })}
        />
        <TextField name="elementMinutes" label={t('knowledge.estimatedMinutes')} inputMode="numeric" value={draft.estimatedMinutes} errors={errors('estimatedMinutes')} onChange={(event) => set({ estimatedMinutes: event.target.value })} />
      </div>
      <TextField name="elementTags" label={t('knowledge.tags')} hint={t('knowledge.tagsHint')} value={draft.tags} onChange={(event) => set({ tags: event.target.value })} />
      <label className="checkbox">
        <input type="checkbox" checked={draft.shared} onChange={(event) => set({ shared: event.target.checked })} />
        {t('knowledge.shared')}
      </label>
      {save.error && !(isApiError(save.error) && save.error.hasFieldErrors) ? <FormAlert message={describeError(save.error, t)} /> : null}
      {save.error && isApiError(save.error) && save.error.hasFieldErrors ? <FormAlert message={t('error.fixFields')} /> : null}
      <FormActions submitLabel={elementId ? t('knowledge.saveElement') : t('knowledge.createElement')} busy={save.isPending} dismiss={{ label: t('knowledge.cancel'), onClick: () => onDone() }} />
    </form>
  );
}
