import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { BookOpen, Download, ExternalLink, ListChecks, Paperclip, type LucideIcon } from 'lucide-react';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { saveFile } from '../../ui/saveFile';
import { formatFileSize } from '../../format/fileSize';
import { downloadStudyPlanFile, studyPlansKey, tickStudyPlanItem, type StudyPlan, type StudyPlanItem, type StudyPlanItemKind } from './studyPlansApi';
import { formatWeekStart } from './weeks';

export const KIND_ICONS: Record<StudyPlanItemKind, LucideIcon> = { topic: BookOpen, task: ListChecks, link: ExternalLink, file: Paperclip };

/** A sent plan as its student (who ticks items), their parents and tutor read it. */
export function StudyPlanView({ plan, canTick }: { plan: StudyPlan; canTick: boolean }) {
  const { t, language, formatDateTime } = useI18n();
  const done = plan.items.filter((item) => item.doneAt !== null).length;
  const headingId = `study-plan-${plan.id}`;
  return (
    <article className="panel study-plan" aria-labelledby={headingId} data-study-plan={plan.id}>
      <h3 id={headingId} className="study-plan__title">
        {plan.subject.name} · {t('studyPlans.week', { date: formatWeekStart(plan.weekStart, language) })}
      </h3>
      <p className="study-plan__meta">
        {t('studyPlans.from', { teacher: plan.teacher.fullName })} · {t('studyPlans.doneCount', { done: String(done), total: String(plan.items.length) })}
        {plan.editedAt ? ` · ${t('studyPlans.editedAt', { at: formatDateTime(plan.editedAt) })}` : ''}
      </p>
      <ul className="item-list">
        {plan.items.map((item) => (
          <PlanItem key={item.id} plan={plan} item={item} canTick={canTick} />
        ))}
      </ul>
    </article>
  );
}

function PlanItem({ plan, item, canTick }: { plan: StudyPlan; item: StudyPlanItem; canTick: boolean }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const isDone = item.doneAt !== null;
  // The box follows the click at once; the server's answer (or a failure) settles it.
  const [checked, setChecked] = useState(isDone);
  useEffect(() => setChecked(isDone), [isDone]);
  const tick = useMutation({
    mutationFn: (next: boolean) => tickStudyPlanItem(api, plan.id, item.id, next),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: studyPlansKey }),
    onError: () => setChecked(isDone),
  });
  const download = useMutation({
    mutationFn: () => downloadStudyPlanFile(api, plan.id, item.id),
    onSuccess: (file) => saveFile(file.blob, file.fileName ?? item.file?.fileName ?? 'file'),
  });
  const Icon = KIND_ICONS[item.kind];
  const checkboxId = `plan-item-${item.id}`;
  const error = tick.error ?? download.error;
  return (
    <li className="item-list__item study-plan__item" data-item={item.id} data-done={isDone}>
      <div className="study-plan__line">
        {canTick ? (
          <input
            id={checkboxId}
            className="study-plan__tick"
            type="checkbox"
            checked={checked}
            disabled={tick.isPending}
            onChange={(event) => {
              setChecked(event.target.checked);
              tick.mutate(event.target.checked);
            }}
          />
        ) : null}
        <Icon aria-hidden="true" size={18} />
        {canTick ? (
          <label htmlFor={checkboxId} className="study-plan__item-title">
            {item.title}
          </label>
        ) : (
          <span className="study-plan__item-title">{item.title}</span>
        )}
        <span className="visually-hidden"> ({t(`studyPlans.kind.${item.kind}`)})</span>
        {!canTick && isDone ? <span className="badge badge--approved">{t('studyPlans.done')}</span> : null}
      </div>
      {item.details ? <p className="pre-wrap study-plan__details">{item.details}</p> : null}
      <div className="actions actions--compact">
        {item.url ? (
          <a className="button button--secondary button--small" href={item.url} target="_blank" rel="noopener noreferrer">
            {t('studyPlans.openLink')}
          </a>
        ) : null}
        {item.file ? (
          <button type="button" className="button button--secondary button--small" disabled={download.isPending} onClick={() => download.mutate()}>
            <Download aria-hidden="true" size={16} /> {t('studyPlans.download', { name: item.file.fileName, size: formatFileSize(item.file.length) })}
          </button>
        ) : null}
      </div>
      {error ? <FormAlert message={describeError(error, t)} /> : null}
    </li>
  );
}
