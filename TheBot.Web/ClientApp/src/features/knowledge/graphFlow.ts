import type { Edge, Node } from '@xyflow/react';
import type { GraphEdge, GraphNode, KnowledgeGraph, NodeStatus } from './knowledgeApi';

/** What a lesson's box on the canvas shows. */
export interface LessonNodeData extends Record<string, unknown> {
  title: string;
  /** Null on a template or when the caller sees no progress. */
  status: NodeStatus | null;
  scorePercent: number | null;
  /** A link to the lesson player (a student's unlocked lesson), or null. */
  href: string | null;
}

export type LessonFlowNode = Node<LessonNodeData, 'lesson'>;

export function nodeTitle(node: Partial<Pick<GraphNode, 'lessonTitle'>>): string {
  return node.lessonTitle ?? '';
}

/** Whether a student may open the node's lesson. */
export function isOpenable(status: NodeStatus | null | undefined): boolean {
  return status === 'available' || status === 'inProgress' || status === 'passed';
}

/**
 * The graph's lessons as canvas nodes: placed where the teacher put them, draggable and deletable only in the editor,
 * and (for the student) linking to the lesson player when unlocked.
 */
export function toFlowNodes(
  graph: Pick<KnowledgeGraph, 'nodes'>,
  options: { editable: boolean; lessonHref?: ((nodeId: string) => string) | undefined },
): LessonFlowNode[] {
  return (graph.nodes ?? []).map((node) => {
    const status = node.status ?? null;
    return {
      id: node.id,
      type: 'lesson',
      position: { x: node.x, y: node.y },
      draggable: options.editable,
      deletable: options.editable,
      connectable: options.editable,
      data: {
        title: nodeTitle(node),
        status,
        scorePercent: node.scorePercent ?? null,
        href: options.lessonHref !== undefined && isOpenable(status) ? options.lessonHref(node.id) : null,
      },
    };
  });
}

/** The prerequisite edges as arrows from the prerequisite to the lesson it opens; passed ones are drawn solid and animated not. */
export function toFlowEdges(graph: Pick<KnowledgeGraph, 'edges' | 'nodes'>, options: { editable: boolean }): Edge[] {
  const status = new Map((graph.nodes ?? []).map((node) => [node.id, node.status ?? null]));
  return (graph.edges ?? []).map((edge: GraphEdge) => ({
    id: edge.id,
    source: edge.fromNodeId,
    target: edge.toNodeId,
    deletable: options.editable,
    markerEnd: { type: 'arrowclosed' as Edge['markerEnd'] & string },
    className: status.get(edge.fromNodeId) === 'passed' ? 'knowledge-edge knowledge-edge--done' : 'knowledge-edge',
  })) as Edge[];
}

/** Where a new lesson goes: below the lowest one, so that it never covers another. */
export function nextNodePosition(nodes: readonly Pick<GraphNode, 'x' | 'y'>[]): { x: number; y: number } {
  if (nodes.length === 0) {
    return { x: 0, y: 0 };
  }
  const lowest = Math.max(...nodes.map((node) => node.y));
  return { x: Math.round(nodes.reduce((sum, node) => sum + node.x, 0) / nodes.length), y: Math.round(lowest + 120) };
}

/** A node's status in words and a short score, e.g. "In progress · 40%". */
export function statusSummary(status: NodeStatus | null, scorePercent: number | null, label: (status: NodeStatus) => string): string {
  if (status === null) {
    return '';
  }
  return scorePercent !== null && status !== 'locked' && status !== 'available' ? `${label(status)} · ${Math.round(scorePercent)}%` : label(status);
}

/** The lesson titles of a refused edge's cycle, from a 422 `graphCycle` problem (`cycle`: titles or nodes). */
export function cycleOf(problem: Record<string, unknown>): string[] {
  const cycle = problem.cycle;
  if (!Array.isArray(cycle)) {
    return [];
  }
  return cycle
    .map((item: unknown) =>
      typeof item === 'string' ? item : typeof item === 'object' && item !== null ? String((item as Record<string, unknown>).title ?? (item as Record<string, unknown>).lessonTitle ?? '') : '',
    )
    .filter((title) => title !== '');
}

/** A wrong answer as the progress table shows it: a number without the trailing zeros a decimal column adds ("3.000000" is 3). */
export function answerText(answer: string): string {
  return /^-?\d+\.\d+$/.test(answer) ? answer.replace(/\.?0+$/, '') : answer;
}
