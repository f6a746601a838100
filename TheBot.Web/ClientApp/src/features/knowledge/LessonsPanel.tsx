import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ArrowDown, ArrowUp, Pencil, Plus, Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/ApiError';
import { useKnowledgeI18n } from './i18n';
import { useApi } from '../../services/ServicesContext';
import { describeError } from '../../ui/describeError';
import { FormActions } from '../../ui/FormActions';
import { FormAlert } from '../../ui/FormAlert';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { SearchBox } from '../../ui/SearchBox';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { moved } from './elementDraft';
import { createLesson, deleteLesson, elementsQuery, knowledgeKey, lessonQuery, lessonsQuery, updateLesson, type LessonSummary } from './knowledgeApi';
import type { Option } from './useTeacherClasses';

interface LessonDraft {
  subjectId: string;
  title: string;
  description: string;
  passPercent: string;
  elements: { id: string; title: string }[];
}

/** The teacher's lessons: a title, a pass mark and elements from the bank in order. */
export function LessonsPanel({ subjects }: { subjects: Option[] }) {
  const { t } = useKnowledgeI18n();
  const api = useApi();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<'new' | string | null>(null);
  const lessons = useQuery(lessonsQuery(api, { search }));
  return (
    <section aria-labelledby="knowledge-lessons-title" data-lessons>
      <h2 id="knowledge-lessons-title">{t('knowledge.lessons')}</h2>
      {editing === 'new' ? (
        <LessonForm initial={{ subjectId: subjects[0]?.value ?? '', title: '', description: '', passPercent: '80', elements: [] }} subjects={subjects} onDone={() => setEditing(null)} />
      ) : editing !== null ? (
        <EditLesson lessonId={editing} subjects={subjects} onDone={() => setEditing(null)} />
      ) : (
        <div className="actions">
          <button type="button" className="button" onClick={() => setEditing('new')} disabled={subjects.length === 0}>
            <Plus className="icon" size={18} aria-hidden="true" focusable="false" />
            {t('knowledge.newLesson')}
          </button>
        </div>
      )}
      <div className="toolbar">
        <SearchBox name="lessonSearch" label={t('knowledge.searchLessons')} onSearch={setSearch} />
      </div>
      {lessons.isPending ? (
        <LoadingState />
      ) : lessons.isError ? (
        <ErrorState error={lessons.error} onRetry={() => void lessons.refetch()} />
      ) : lessons.data.items.length === 0 ? (
        <EmptyState message={t('knowledge.noLessons')} />
      ) : (
        <ul className="card-list">
          {lessons.data.items.map((lesson) => (
            <LessonRow key={lesson.id} lesson={lesson} subjectName={subjects.find((s) => s.value === lesson.subjectId)?.label ?? ''} onEdit={() => setEditing(lesson.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function LessonRow({ lesson, subjectName, onEdit }: { lesson: LessonSummary; subjectName: string; onEdit: () => void }) {
  const { t } = useKnowledgeI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const remove = useMutation({ mutationFn: () => deleteLesson(api, lesson.id), onSuccess: () => void queryClient.invalidateQueries({ queryKey: knowledgeKey }) });
  const count = lesson.elementCount;
  return (
    <li className="card" data-lesson={lesson.title}>
      <h3>{lesson.title}</h3>
      <p className="muted">
        {[subjectName, t('knowledge.passMark', { percent: lesson.passPercent }), t('knowledge.elementCount', { count })].filter(Boolean).join(' · ')}
      </p>
      <div className="actions actions--compact">
        <button type="button" className="button button--secondary button--small" onClick={onEdit} aria-label={t('knowledge.editNamed', { title: lesson.title })}>
          <Pencil className="icon" size={16} aria-hidden="true" focusable="false" />
          {t('knowledge.edit')}
        </button>
        <button type="button" className="button button--secondary button--small" disabled={remove.isPending} onClick={() => remove.mutate()} aria-label={t('knowledge.deleteNamed', { title: lesson.title })}>
          <Trash2 className="icon" size={16} aria-hidden="true" focusable="false" />
          {t('knowledge.delete')}
        </button>
      </div>
      {remove.error ? <FormAlert message={describeError(remove.error, t)} /> : null}
    </li>
  );
}

function EditLesson({ lessonId, subjects, onDone }: { lessonId: string; subjects: Option[]; onDone: () => void }) {
  const api = useApi();
  const lesson = useQuery(lessonQuery(api, lessonId));
  if (lesson.isPending) {
    return <LoadingState />;
  }
  if (lesson.isError) {
    return <ErrorState error={lesson.error} onRetry={() => void lesson.refetch()} />;
  }
  const data = lesson.data;
  return (
    <LessonForm
      lessonId={lessonId}
      initial={{
        subjectId: data.subjectId,
        title: data.title,
        description: data.description ?? '',
        passPercent: String(data.passPercent),
        elements: data.elements.map((element) => ({ id: element.id, title: element.title })),
      }}
      subjects={subjects}
      onDone={onDone}
    />
  );
}

function LessonForm({ initial, lessonId, subjects, onDone }: { initial: LessonDraft; lessonId?: string; subjects: Option[]; onDone: () => void }) {
  const { t } = useKnowledgeI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(initial);
  const [checked, setChecked] = useState(false);
  const [search, setSearch] = useState('');
  const bank = useQuery({ ...elementsQuery(api, { subjectId: draft.subjectId, search }), enabled: draft.subjectId !== '' });
  const save = useMutation({
    mutationFn: () => {
      const request = {
        subjectId: draft.subjectId,
        title: draft.title.trim(),
        description: draft.description.trim() === '' ? null : draft.description.trim(),
        passPercent: Number(draft.passPercent),
        elementIds: draft.elements.map((element) => element.id),
      };
      return lessonId ? updateLesson(api, lessonId, request) : createLesson(api, request);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: knowledgeKey });
      onDone();
    },
  });
  const percent = Number(draft.passPercent);
  const problems = {
    title: checked && draft.title.trim() === '' ? [t('knowledge.problem.title')] : undefined,
    passPercent: checked && !(Number.isInteger(percent) && percent >= 1 && percent <= 100) ? [t('knowledge.problem.passPercent')] : undefined,
  };
  const server = isApiError(save.error) ? save.error.fieldErrors : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (draft.title.trim() !== '' && Number.isInteger(percent) && percent >= 1 && percent <= 100) {
      save.mutate();
    }
  };
  const chosen = new Set(draft.elements.map((element) => element.id));
  return (
    <form className="form card" onSubmit={submit} noValidate data-lesson-form aria-labelledby="knowledge-lesson-form-title">
      <h2 id="knowledge-lesson-form-title">{lessonId ? t('knowledge.editLesson') : t('knowledge.newLesson')}</h2>
      <SelectField name="lessonSubject" label={t('knowledge.subject')} options={subjects} value={draft.subjectId} disabled={lessonId !== undefined} onChange={(event) => setDraft({ ...draft, subjectId: event.target.value, elements: [] })} />
      <TextField name="lessonTitle" label={t('knowledge.lessonTitle')} required maxLength={200} value={draft.title} errors={problems.title ?? server.title} onChange={(event) => setDraft({ ...draft, title: event.target.value })} />
      <TextAreaField name="lessonDescription" label={t('knowledge.description')} rows={2} maxLength={4000} value={draft.description} errors={server.description} onChange={(event) => setDraft({ ...draft, description: event.target.value })} />
      <TextField name="lessonPassPercent" label={t('knowledge.passPercent')} inputMode="numeric" value={draft.passPercent} errors={problems.passPercent ?? server.passPercent} onChange={(event) => setDraft({ ...draft, passPercent: event.target.value })} />
      <fieldset className="fieldset" data-lesson-elements>
        <legend>{t('knowledge.lessonElements')}</legend>
        {draft.elements.length === 0 ? <p className="muted">{t('knowledge.noLessonElements')}</p> : null}
        <ol className="compact-list">
          {draft.elements.map((element, index) => (
            <li key={element.id} className="compact-row" data-lesson-element={element.title}>
              <span>
                {index + 1}. {element.title}
              </span>
              <span className="actions actions--compact">
                <button type="button" className="button button--secondary button--small" disabled={index === 0} onClick={() => setDraft({ ...draft, elements: moved(draft.elements, index, -1) })} aria-label={t('knowledge.moveUp', { title: element.title })}>
                  <ArrowUp className="icon" size={16} aria-hidden="true" focusable="false" />
                </button>
                <button type="button" className="button button--secondary button--small" disabled={index === draft.elements.length - 1} onClick={() => setDraft({ ...draft, elements: moved(draft.elements, index, 1) })} aria-label={t('knowledge.moveDown', { title: element.title })}>
                  <ArrowDown className="icon" size={16} aria-hidden="true" focusable="false" />
                </button>
                <button type="button" className="button button--secondary button--small" onClick={() => setDraft({ ...draft, elements: draft.elements.filter((e) => e.id !== element.id) })} aria-label={t('knowledge.removeFromLesson', { title: element.title })}>
                  <Trash2 className="icon" size={16} aria-hidden="true" focusable="false" />
                </button>
              </span>
            </li>
          ))}
        </ol>
        <SearchBox name="lessonElementSearch" label={t('knowledge.findElements')} onSearch={setSearch} />
        {bank.isPending && draft.subjectId !== '' ? <LoadingState /> : null}
        {bank.isError ? <ErrorState error={bank.error} onRetry={() => void bank.refetch()} /> : null}
        {bank.data && bank.data.items.filter((e) => !chosen.has(e.id)).length === 0 ? <EmptyState message={t('knowledge.noElementsToAdd')} /> : null}
        <ul className="compact-list">
          {(bank.data?.items ?? [])
            .filter((element) => !chosen.has(element.id))
            .map((element) => (
              <li key={element.id} className="compact-row" data-bank-element={element.title}>
                <span>
                  {element.title} <span className="muted">({t(`knowledge.kind.${element.kind}`)})</span>
                </span>
                <button type="button" className="button button--secondary button--small" onClick={() => setDraft({ ...draft, elements: [...draft.elements, { id: element.id, title: element.title }] })} aria-label={t('knowledge.addToLesson', { title: element.title })}>
                  <Plus className="icon" size={16} aria-hidden="true" focusable="false" />
                  {t('knowledge.add')}
                </button>
              </li>
            ))}
        </ul>
      </fieldset>
      {save.error ? <FormAlert message={describeError(save.error, t)} /> : null}
      <FormActions submitLabel={lessonId ? t('knowledge.saveLesson') : t('knowledge.createLesson')} busy={save.isPending} dismiss={{ label: t('knowledge.cancel'), onClick: onDone }} />
    </form>
  );
}
