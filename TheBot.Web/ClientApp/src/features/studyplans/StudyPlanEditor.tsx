import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ArrowDown, ArrowUp, Plus, Save, Send, Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { formatFileSize } from '../../format/fileSize';
import {
  createStudyPlan,
  ITEM_KINDS,
  sendStudyPlan,
  studyPlansKey,
  toDraftItems,
  updateStudyPlan,
  uploadStudyPlanFile,
  type DraftItem,
  type StudyPlan,
  type StudyPlanItemKind,
} from './studyPlansApi';

export interface PlanTarget {
  studentId: string;
  subjectId: string;
  weekStart: string;
}

const emptyItem = (): DraftItem => ({ kind: 'task', title: '', details: '', url: '' });

/** The teacher's editor of one week's plan: items in order, saved as a draft, then sent; a sent plan's edits are announced. */
export function StudyPlanEditor({ plan, target }: { plan?: StudyPlan; target: PlanTarget }) {
  const { t, formatDateTime } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [items, setItems] = useState<DraftItem[]>(() => (plan ? toDraftItems(plan) : [emptyItem()]));
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: studyPlansKey });
  const save = useMutation({
    mutationFn: () => (plan ? updateStudyPlan(api, plan.id, items) : createStudyPlan(api, { ...target, items })),
    onSuccess: (saved) => {
      setItems(toDraftItems(saved));
      setNotice(saved.status === 'sent' ? t('studyPlans.savedAndTold') : t('studyPlans.saved'));
      refresh();
    },
  });
  const send = useMutation({ mutationFn: (id: string) => sendStudyPlan(api, id), onSuccess: refresh });
  const upload = useMutation({
    mutationFn: ({ itemId, file }: { itemId: string; file: File }) => uploadStudyPlanFile(api, plan?.id ?? '', itemId, file),
    onSuccess: refresh,
  });
  const error = save.error ?? send.error ?? upload.error;

  const change = (index: number, patch: Partial<DraftItem>) => {
    setNotice(null);
    setItems((current) => current.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  };
  const move = (index: number, by: number) =>
    setItems((current) => {
      const next = [...current];
      const [moved] = next.splice(index, 1);
      next.splice(index + by, 0, moved as DraftItem);
      return next;
    });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <form className="form study-plan-editor" onSubmit={onSubmit} aria-label={t('studyPlans.items')}>
      {plan?.status === 'sent' && plan.sentAt ? <p className="hint">{t('studyPlans.sentNote', { at: formatDateTime(plan.sentAt) })}</p> : null}
      {items.map((item, index) => {
        const number = String(index + 1);
        const saved = plan?.items.find((existing) => existing.id === item.id);
        return (
          <fieldset className="fieldset study-plan-editor__item" key={item.id ?? `new-${index}`} data-editor-item={index}>
            <legend>{t('studyPlans.itemLegend', { number })}</legend>
            <SelectField
              name={`plan-item-kind-${index}`}
              label={t('studyPlans.kindField')}
              options={ITEM_KINDS.map((kind) => ({ value: kind, label: t(`studyPlans.kind.${kind}`) }))}
              value={item.kind}
              onChange={(event) => change(index, { kind: event.target.value as StudyPlanItemKind })}
            />
            <TextField name={`plan-item-title-${index}`} label={t('studyPlans.titleField')} required maxLength={200} value={item.title} onChange={(event) => change(index, { title: event.target.value })} />
            <TextAreaField name={`plan-item-details-${index}`} label={t('studyPlans.detailsField')} maxLength={4000} rows={2} value={item.details} onChange={(event) => change(index, { details: event.target.value })} />
            {item.kind === 'link' || item.url !== '' ? (
              <TextField name={`plan-item-url-${index}`} label={t('studyPlans.urlField')} type="url" required={item.kind === 'link'} maxLength={500} value={item.url} onChange={(event) => change(index, { url: event.target.value })} />
            ) : null}
            {item.kind === 'file' ? (
              item.id && plan ? (
                <Field name={`plan-item-file-${index}`} label={saved?.file ? t('studyPlans.download', { name: saved.file.fileName, size: formatFileSize(saved.file.length) }) : t('studyPlans.attachFile')}>
                  {(control) => (
                    <input
                      {...control}
                      type="file"
                      disabled={upload.isPending}
                      onChange={(event) => {
                        const file = event.target.files?.[0];
                        if (file && item.id) {
                          upload.mutate({ itemId: item.id, file });
                        }
                        event.target.value = '';
                      }}
                    />
                  )}
                </Field>
              ) : (
                <p className="hint">{t('studyPlans.saveBeforeFile')}</p>
              )
            ) : null}
            <div className="actions actions--compact">
              <button type="button" className="button button--secondary button--small" aria-label={t('studyPlans.moveUp', { number })} disabled={index === 0} onClick={() => move(index, -1)}>
                <ArrowUp aria-hidden="true" size={16} />
              </button>
              <button type="button" className="button button--secondary button--small" aria-label={t('studyPlans.moveDown', { number })} disabled={index === items.length - 1} onClick={() => move(index, 1)}>
                <ArrowDown aria-hidden="true" size={16} />
              </button>
              <button type="button" className="button button--secondary button--small" aria-label={t('studyPlans.removeItem', { number })} onClick={() => setItems((current) => current.filter((_, i) => i !== index))}>
                <Trash2 aria-hidden="true" size={16} />
              </button>
            </div>
          </fieldset>
        );
      })}
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={() => setItems((current) => [...current, emptyItem()])}>
          <Plus aria-hidden="true" size={16} /> {t('studyPlans.addItem')}
        </button>
        <button type="submit" className="button" disabled={save.isPending}>
          <Save aria-hidden="true" size={16} /> {t('studyPlans.save')}
        </button>
        {plan?.status === 'draft' ? (
          <button type="button" className="button" disabled={send.isPending || save.isPending || plan.items.length === 0} onClick={() => send.mutate(plan.id)}>
            <Send aria-hidden="true" size={16} /> {t('studyPlans.send')}
          </button>
        ) : null}
      </div>
      {notice ? <FormAlert message={notice} tone="success" /> : null}
      {error ? <FormAlert message={describeError(error, t)} /> : null}
    </form>
  );
}
