import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Pencil, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useKnowledgeI18n } from './i18n';
import { useApi } from '../../services/ServicesContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { Pager } from '../../ui/Pager';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { SearchBox } from '../../ui/SearchBox';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { newElementDraft, toElementDraft } from './elementDraft';
import { ElementForm } from './ElementForm';
import { ELEMENT_KINDS, deleteElement, elementQuery, elementsQuery, knowledgeKey, type KnowledgeElement } from './knowledgeApi';
import type { Option } from './useTeacherClasses';

/** The teacher's element bank: their own elements and those shared with them, filtered; new and edited in place. */
export function ElementBank({ subjects }: { subjects: Option[] }) {
  const { t } = useKnowledgeI18n();
  const api = useApi();
  const [subjectId, setSubjectId] = useState('');
  const [kind, setKind] = useState('');
  const [tag, setTag] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<'new' | string | null>(null);
  const elements = useQuery(elementsQuery(api, { subjectId, search, kind, tag: tag.trim(), page }));
  const reset = () => setPage(1);
  return (
    <section aria-labelledby="knowledge-elements-title" data-element-bank>
      <h2 id="knowledge-elements-title">{t('knowledge.elements')}</h2>
      {editing === 'new' ? (
        <ElementForm initial={newElementDraft(subjectId !== '' ? subjectId : (subjects[0]?.value ?? ''))} subjects={subjects} onDone={() => setEditing(null)} />
      ) : editing !== null ? (
        <EditElement elementId={editing} subjects={subjects} onDone={() => setEditing(null)} />
      ) : (
        <div className="actions">
          <button type="button" className="button" onClick={() => setEditing('new')} disabled={subjects.length === 0}>
            <Plus className="icon" size={18} aria-hidden="true" focusable="false" />
            {t('knowledge.newElement')}
          </button>
        </div>
      )}
      <div className="toolbar list-filters">
        <SearchBox
          name="elementSearch"
          label={t('knowledge.searchElements')}
          onSearch={(value) => {
            setSearch(value);
            reset();
          }}
        />
        <SelectField name="elementFilterSubject" label={t('knowledge.subject')} placeholder={t('knowledge.allSubjects')} options={subjects} value={subjectId} onChange={(event) => { setSubjectId(event.target.value); reset(); }} />
        <SelectField
          name="elementFilterKind"
          label={t('knowledge.kind')}
          placeholder={t('knowledge.allKinds')}
          options={ELEMENT_KINDS.map((value) => ({ value, label: t(`knowledge.kind.${value}`) }))}
          value={kind}
          onChange={(event) => { setKind(event.target.value); reset(); }}
        />
        <TextField name="elementFilterTag" label={t('knowledge.tag')} value={tag} onChange={(event) => { setTag(event.target.value); reset(); }} />
      </div>
      {elements.isPending ? (
        <LoadingState />
      ) : elements.isError ? (
        <ErrorState error={elements.error} onRetry={() => void elements.refetch()} />
      ) : elements.data.items.length === 0 ? (
        <EmptyState message={t('knowledge.noElements')} />
      ) : (
        <>
          <ul className="card-list">
            {elements.data.items.map((element) => (
              <ElementRow key={element.id} element={element} onEdit={() => setEditing(element.id)} />
            ))}
          </ul>
          <Pager page={page} totalPages={elements.data.totalPages} onPage={setPage} />
        </>
      )}
    </section>
  );
}

function EditElement({ elementId, subjects, onDone }: { elementId: string; subjects: Option[]; onDone: () => void }) {
  const api = useApi();
  const element = useQuery(elementQuery(api, elementId));
  if (element.isPending) {
    return <LoadingState />;
  }
  if (element.isError) {
    return <ErrorState error={element.error} onRetry={() => void element.refetch()} />;
  }
  return <ElementForm initial={toElementDraft(element.data)} elementId={elementId} subjects={subjects} onDone={onDone} />;
}

function ElementRow({ element, onEdit }: { element: KnowledgeElement; onEdit: () => void }) {
  const { t } = useKnowledgeI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteElement(api, element.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: knowledgeKey }),
  });
  const mine = element.mine;
  return (
    <li className="card knowledge-element" data-element={element.title}>
      <h3>{element.title}</h3>
      <p className="chip-list">
        <span className="chip">{t(`knowledge.kind.${element.kind}`)}</span>
        {element.check !== 'none' ? <span className="chip">{t(`knowledge.check.${element.check}`)}</span> : null}
        {element.difficulty ? <span className="chip">{t(`knowledge.difficulty.${element.difficulty}` as 'knowledge.difficulty.1')}</span> : null}
        {element.points ? <span className="chip">{t('knowledge.pointsChip', { points: element.points })}</span> : null}
        {element.estimatedMinutes ? <span className="chip">{t('knowledge.minutes', { minutes: element.estimatedMinutes })}</span> : null}
        {element.shared ? <span className="chip">{t('knowledge.sharedChip')}</span> : null}
        {!mine ? <span className="chip">{t('knowledge.by', { name: element.author.fullName })}</span> : null}
        {element.tags.map((tag) => (
          <span key={tag} className="chip">
            #{tag}
          </span>
        ))}
      </p>
      {mine ? (
        <div className="actions actions--compact">
          <button type="button" className="button button--secondary button--small" onClick={onEdit} aria-label={t('knowledge.editNamed', { title: element.title })}>
            <Pencil className="icon" size={16} aria-hidden="true" focusable="false" />
            {t('knowledge.edit')}
          </button>
          <button type="button" className="button button--secondary button--small" disabled={remove.isPending} onClick={() => remove.mutate()} aria-label={t('knowledge.deleteNamed', { title: element.title })}>
            <Trash2 className="icon" size={16} aria-hidden="true" focusable="false" />
            {t('knowledge.delete')}
          </button>
        </div>
      ) : null}
      {remove.error ? <FormAlert message={describeError(remove.error, t)} /> : null}
    </li>
  );
}
