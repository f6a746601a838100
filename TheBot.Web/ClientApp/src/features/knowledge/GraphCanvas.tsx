import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Background,
  Controls,
  ReactFlow,
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Plus, Trash2 } from 'lucide-react';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { isApiError } from '../../api/ApiError';
import { useKnowledgeI18n } from './i18n';
import { useApi } from '../../services/ServicesContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { SelectField } from '../../ui/SelectField';
import { cycleOf, nextNodePosition, nodeTitle, toFlowEdges, toFlowNodes, type LessonFlowNode } from './graphFlow';
import { addEdge, addNode, graphQuery, knowledgeKey, lessonsQuery, moveNode, removeEdge, removeNode, type KnowledgeGraph } from './knowledgeApi';
import { nodeTypes } from './LessonNode';
import './knowledge.css';

/** The student's (or the tutor's, or the parent's) view: the graph as it is, each lesson with its status. */
export function GraphViewer({ graph, lessonHref }: { graph: KnowledgeGraph; lessonHref?: ((nodeId: string) => string) | undefined }) {
  const { t } = useKnowledgeI18n();
  const nodes = useMemo(() => toFlowNodes(graph, { editable: false, lessonHref }), [graph, lessonHref]);
  const edges = useMemo(() => toFlowEdges(graph, { editable: false }), [graph]);
  return (
    <div className="knowledge-canvas knowledge-canvas--read-only" role="region" aria-label={t('knowledge.canvas', { title: graph.title })} data-graph-canvas>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        fitView
        fitViewOptions={{ maxZoom: 1 }}
        minZoom={0.2}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

/**
 * The teacher's editor: add lessons, drag them (saved on drop), connect a lesson's lower handle to another's upper one
 * to make the first a prerequisite, delete with the Delete key or the buttons below. A connection that would close a
 * cycle is refused by the server (422 graphCycle), and the cycle is shown.
 */
export function GraphEditor({ graph }: { graph: KnowledgeGraph }) {
  const { t } = useKnowledgeI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [nodes, setNodes] = useState<LessonFlowNode[]>(() => toFlowNodes(graph, { editable: true }));
  const [edges, setEdges] = useState<Edge[]>(() => toFlowEdges(graph, { editable: true }));
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setNodes(toFlowNodes(graph, { editable: true }));
    setEdges(toFlowEdges(graph, { editable: true }));
  }, [graph]);

  const refresh = () => void queryClient.invalidateQueries({ queryKey: graphQuery(api, graph.id).queryKey });
  const failed = (error: unknown) => {
    if (isApiError(error) && error.problem.code === 'graphCycle') {
      const cycle = cycleOf(error.problem);
      setProblem(cycle.length > 0 ? t('knowledge.cycle', { cycle: cycle.join(' → ') }) : describeError(error, t));
    } else {
      setProblem(describeError(error, t));
    }
    refresh();
  };
  const done = () => {
    setProblem(null);
    refresh();
    void queryClient.invalidateQueries({ queryKey: [...knowledgeKey, 'graph', graph.id, 'progress'] });
  };

  const connect = useMutation({ mutationFn: (edge: { fromNodeId: string; toNodeId: string }) => addEdge(api, graph.id, edge), onSuccess: done, onError: failed });
  const move = useMutation({
    mutationFn: ({ nodeId, x, y }: { nodeId: string; x: number; y: number }) => moveNode(api, graph.id, nodeId, { x, y }),
    onError: failed,
  });
  const dropNode = useMutation({ mutationFn: (nodeId: string) => removeNode(api, graph.id, nodeId), onSuccess: done, onError: failed });
  const dropEdge = useMutation({ mutationFn: (edgeId: string) => removeEdge(api, graph.id, edgeId), onSuccess: done, onError: failed });

  const onNodesChange = (changes: NodeChange<LessonFlowNode>[]) => setNodes((current) => applyNodeChanges(changes, current));
  const onEdgesChange = (changes: EdgeChange[]) => setEdges((current) => applyEdgeChanges(changes, current));
  const onConnect = (connection: Connection) => {
    if (connection.source !== connection.target) {
      connect.mutate({ fromNodeId: connection.source, toNodeId: connection.target });
    }
  };

  const titleOf = (nodeId: string) => nodeTitle((graph.nodes ?? []).find((node) => node.id === nodeId) ?? {});
  return (
    <div className="knowledge-editor" data-graph-editor>
      <AddLessonForm graph={graph} onAdded={done} onError={failed} />
      <p className="muted" id="knowledge-editor-help">
        {t('knowledge.editorHelp')}
      </p>
      <FormAlert message={problem} />
      <div className="knowledge-canvas" role="region" aria-label={t('knowledge.canvas', { title: graph.title })} aria-describedby="knowledge-editor-help" data-graph-canvas>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onNodeDragStop={(_, node) => move.mutate({ nodeId: node.id, x: Math.round(node.position.x), y: Math.round(node.position.y) })}
          onNodesDelete={(deleted) => deleted.forEach((node) => dropNode.mutate(node.id))}
          onEdgesDelete={(deleted) => deleted.forEach((edge) => dropEdge.mutate(edge.id))}
          deleteKeyCode={['Backspace', 'Delete']}
          fitView
          fitViewOptions={{ maxZoom: 1 }}
          minZoom={0.2}
          maxZoom={2}
          proOptions={{ hideAttribution: true }}
        >
          <Background />
          <Controls />
        </ReactFlow>
      </div>
      <div className="knowledge-editor__lists">
        <section aria-labelledby="knowledge-graph-lessons">
          <h3 id="knowledge-graph-lessons">{t('knowledge.graphLessons')}</h3>
          {(graph.nodes ?? []).length === 0 ? <p className="muted">{t('knowledge.noNodes')}</p> : null}
          <ul className="compact-list">
            {(graph.nodes ?? []).map((node) => (
              <li key={node.id} className="compact-row" data-graph-node={nodeTitle(node)}>
                <span>{nodeTitle(node)}</span>
                <button type="button" className="button button--secondary button--small" onClick={() => dropNode.mutate(node.id)} aria-label={t('knowledge.removeNode', { title: nodeTitle(node) })}>
                  <Trash2 className="icon" size={16} aria-hidden="true" focusable="false" />
                  {t('knowledge.remove')}
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="knowledge-graph-edges">
          <h3 id="knowledge-graph-edges">{t('knowledge.prerequisites')}</h3>
          <AddEdgeForm graph={graph} busy={connect.isPending} onAdd={(edge) => connect.mutate(edge)} />
          <ul className="compact-list">
            {(graph.edges ?? []).map((edge) => {
              const name = t('knowledge.edge', { from: titleOf(edge.fromNodeId), to: titleOf(edge.toNodeId) });
              return (
                <li key={edge.id} className="compact-row" data-graph-edge={name}>
                  <span>{name}</span>
                  <button type="button" className="button button--secondary button--small" onClick={() => dropEdge.mutate(edge.id)} aria-label={t('knowledge.removeEdge', { edge: name })}>
                    <Trash2 className="icon" size={16} aria-hidden="true" focusable="false" />
                    {t('knowledge.remove')}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      </div>
    </div>
  );
}

function AddLessonForm({ graph, onAdded, onError }: { graph: KnowledgeGraph; onAdded: () => void; onError: (error: unknown) => void }) {
  const { t } = useKnowledgeI18n();
  const api = useApi();
  const lessons = useQuery(lessonsQuery(api, { subjectId: graph.subject.id }));
  const [lessonId, setLessonId] = useState('');
  const placed = new Set((graph.nodes ?? []).map((node) => node.lessonId));
  const options = (lessons.data?.items ?? []).filter((lesson) => !placed.has(lesson.id)).map((lesson) => ({ value: lesson.id, label: lesson.title }));
  const add = useMutation({
    mutationFn: (id: string) => addNode(api, graph.id, { lessonId: id, ...nextNodePosition(graph.nodes ?? []) }),
    onSuccess: () => {
      setLessonId('');
      onAdded();
    },
    onError,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = lessonId !== '' ? lessonId : (options[0]?.value ?? '');
    if (chosen !== '') {
      add.mutate(chosen);
    }
  };
  return (
    <form className="form form--inline" onSubmit={submit} aria-label={t('knowledge.addNode')}>
      <SelectField
        name="knowledgeAddLesson"
        label={t('knowledge.lessonToAdd')}
        options={options}
        value={lessonId !== '' ? lessonId : (options[0]?.value ?? '')}
        disabled={options.length === 0}
        hint={options.length === 0 && lessons.isSuccess ? t('knowledge.allLessonsPlaced') : undefined}
        onChange={(event) => setLessonId(event.target.value)}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={options.length === 0 || add.isPending}>
          <Plus className="icon" size={18} aria-hidden="true" focusable="false" />
          {t('knowledge.addNode')}
        </button>
      </div>
    </form>
  );
}

/** The keyboard's way to draw an edge: pick the prerequisite and the lesson it opens. */
function AddEdgeForm({ graph, busy, onAdd }: { graph: KnowledgeGraph; busy: boolean; onAdd: (edge: { fromNodeId: string; toNodeId: string }) => void }) {
  const { t } = useKnowledgeI18n();
  const options = (graph.nodes ?? []).map((node) => ({ value: node.id, label: nodeTitle(node) }));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  if (options.length < 2) {
    return null;
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (from !== '' && to !== '') {
      onAdd({ fromNodeId: from, toNodeId: to });
    }
  };
  return (
    <form className="form form--inline" onSubmit={submit} aria-label={t('knowledge.addEdge')}>
      <SelectField name="knowledgeEdgeFrom" label={t('knowledge.edgeFrom')} placeholder={t('knowledge.choose')} options={options} value={from} onChange={(event) => setFrom(event.target.value)} />
      <SelectField name="knowledgeEdgeTo" label={t('knowledge.edgeTo')} placeholder={t('knowledge.choose')} options={options} value={to} onChange={(event) => setTo(event.target.value)} />
      <div className="actions">
        <button type="submit" className="button button--secondary" disabled={busy || from === '' || to === '' || from === to}>
          {t('knowledge.addEdge')}
        </button>
      </div>
    </form>
  );
}
