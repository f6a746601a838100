import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Network } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../api/ApiError';
import { useKnowledgeI18n, type KnowledgeTranslate } from './i18n';
import { useApi } from '../../services/ServicesContext';
import { describeError } from '../../ui/describeError';
import { FormActions } from '../../ui/FormActions';
import { FormAlert } from '../../ui/FormAlert';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { createGraph, graphsQuery, knowledgeKey, type GraphSummary } from './knowledgeApi';
import type { Option } from './useTeacherClasses';

/** Graphs as links to their page: the student's, the child's, the tutor's students' or the teacher's own. */
export function GraphsList({ filter, emptyMessage }: { filter: { studentId?: string; subjectId?: string }; emptyMessage: string }) {
  const { t } = useKnowledgeI18n();
  const api = useApi();
  const graphs = useQuery(graphsQuery(api, filter));
  if (graphs.isPending) {
    return <LoadingState />;
  }
  if (graphs.isError) {
    return <ErrorState error={graphs.error} onRetry={() => void graphs.refetch()} />;
  }
  if (graphs.data.items.length === 0) {
    return <EmptyState message={emptyMessage} />;
  }
  return (
    <ul className="card-list" data-graphs>
      {graphs.data.items.map((graph) => (
        <li key={graph.id} className="card" data-graph={graph.title}>
          <h3>
            <Network className="icon" size={18} aria-hidden="true" focusable="false" />{' '}
            <Link to={`/knowledge/graphs/${graph.id}`}>{graph.title}</Link>
          </h3>
          <p className="muted">{graphLine(graph, t)}</p>
        </li>
      ))}
    </ul>
  );
}

function graphLine(graph: GraphSummary, t: KnowledgeTranslate): string {
  return [graph.subject.name, graph.student?.fullName ?? t('knowledge.template'), t('knowledge.lessonCount', { count: graph.nodeCount })].join(' · ');
}

/** The teacher starts a graph: a subject, then a student enrolled with them in it, or a template for several. */
export function NewGraphForm({ subjects, studentsOf }: { subjects: Option[]; studentsOf: (subjectId: string) => Option[] }) {
  const { t } = useKnowledgeI18n();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [subjectId, setSubjectId] = useState(subjects[0]?.value ?? '');
  const students = studentsOf(subjectId);
  const [studentId, setStudentId] = useState('');
  const student = studentId === '' ? (students[0]?.value ?? 'template') : studentId;
  const [title, setTitle] = useState('');
  const [checked, setChecked] = useState(false);
  const create = useMutation({
    mutationFn: () => createGraph(api, { subjectId, studentId: student === 'template' ? null : student, title: title.trim() }),
    onSuccess: (graph) => {
      void queryClient.invalidateQueries({ queryKey: knowledgeKey });
      void navigate(`/knowledge/graphs/${graph.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (title.trim() !== '' && subjectId !== '') {
      create.mutate();
    }
  };
  const server = isApiError(create.error) ? create.error.fieldErrors : {};
  return (
    <form className="form card" onSubmit={submit} noValidate data-new-graph aria-labelledby="knowledge-new-graph-title">
      <h2 id="knowledge-new-graph-title">{t('knowledge.newGraph')}</h2>
      <div className="knowledge-form__row">
        <SelectField name="graphSubject" label={t('knowledge.subject')} options={subjects} value={subjectId} onChange={(event) => { setSubjectId(event.target.value); setStudentId(''); }} />
        <SelectField
          name="graphStudent"
          label={t('knowledge.student')}
          options={[...students, { value: 'template', label: t('knowledge.templateOption') }]}
          value={student}
          onChange={(event) => setStudentId(event.target.value)}
        />
      </div>
      <TextField name="graphTitle" label={t('knowledge.graphTitle')} required maxLength={200} value={title} errors={checked && title.trim() === '' ? [t('knowledge.problem.title')] : server.title} onChange={(event) => setTitle(event.target.value)} />
      {create.error ? <FormAlert message={describeError(create.error, t)} /> : null}
      <FormActions submitLabel={t('knowledge.createGraph')} busy={create.isPending} disabled={subjects.length === 0} />
    </form>
  );
}
