import type { ApiClient, DownloadedFile } from '../../api/ApiClient';
import { queryString, type PagedResult } from '../../api/paging';
import { enumValues, type RequestBody, type Schemas } from '../../api/schemas';
import { knowledgeKey } from './knowledgeKey';

export { knowledgeKey };

// The knowledge graph's API (docs/knowledge-graph.md): elements, lessons, graphs, a student's work and reviews.

export type ElementKind = Schemas['KnowledgeElementKind'];
export type ElementCheck = Schemas['KnowledgeCheck'];
export type NodeStatus = NonNullable<Schemas['KnowledgeNodeStatus']>;
export type AnswerOutcome = NonNullable<Schemas['KnowledgeOutcome']>;

export const ELEMENT_KINDS = enumValues<ElementKind>()(['theory', 'video', 'question', 'problem']);
export const NODE_STATUSES = enumValues<NodeStatus>()(['locked', 'available', 'inProgress', 'passed']);

/** The checks each kind allows, the first being the default. */
export const CHECKS_OF: Record<ElementKind, readonly ElementCheck[]> = {
  theory: ['none'],
  video: ['none'],
  question: ['single', 'multiple'],
  problem: ['number', 'text', 'free'],
};

/** An element with its answer key (its author's, or shared with the caller). */
export type KnowledgeElement = Schemas['KnowledgeElementResponse'];
export type ElementRequest = RequestBody<Schemas['KnowledgeElementRequest']>;
export type LessonSummary = Schemas['KnowledgeLessonSummary'];
export type KnowledgeLesson = Schemas['KnowledgeLessonResponse'];
export type LessonRequest = RequestBody<Schemas['KnowledgeLessonRequest']>;
export type GraphSummary = Schemas['KnowledgeGraphSummary'];
export type KnowledgeGraph = Schemas['KnowledgeGraphResponse'];
export type GraphNode = Schemas['KnowledgeNodeResponse'];
export type GraphEdge = Schemas['KnowledgeEdgeResponse'];
export type OpenedLesson = Schemas['KnowledgeStudentLesson'];
export type PlayerElement = Schemas['KnowledgeStudentElement'];
export type AnswerRequest = RequestBody<Schemas['KnowledgeAnswerRequest']>;
export type AnswerResult = Schemas['KnowledgeAnswerResponse'];
export type GraphProgress = Schemas['KnowledgeProgressResponse'];
export type PendingReview = Schemas['KnowledgePendingReview'];

const id = encodeURIComponent;

export function elementsQuery(api: ApiClient, filter: { subjectId?: string; search?: string; kind?: string; tag?: string; page?: number }) {
  return {
    queryKey: [...knowledgeKey, 'elements', filter] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<KnowledgeElement>>(`/api/knowledge/elements${queryString({ ...filter, pageSize: 20 })}`, { signal }),
  };
}

export function elementQuery(api: ApiClient, elementId: string) {
  return {
    queryKey: [...knowledgeKey, 'element', elementId] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<KnowledgeElement>(`/api/knowledge/elements/${id(elementId)}`, { signal }),
  };
}

export function createElement(api: ApiClient, element: ElementRequest) {
  return api.post<KnowledgeElement>('/api/knowledge/elements', element);
}

export function updateElement(api: ApiClient, elementId: string, element: ElementRequest) {
  return api.put<KnowledgeElement>(`/api/knowledge/elements/${id(elementId)}`, element);
}

export function deleteElement(api: ApiClient, elementId: string) {
  return api.delete(`/api/knowledge/elements/${id(elementId)}`);
}

export function lessonsQuery(api: ApiClient, filter: { subjectId?: string; search?: string; page?: number }) {
  return {
    queryKey: [...knowledgeKey, 'lessons', filter] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<LessonSummary>>(`/api/knowledge/lessons${queryString({ ...filter, pageSize: 50 })}`, { signal }),
  };
}

export function lessonQuery(api: ApiClient, lessonId: string) {
  return {
    queryKey: [...knowledgeKey, 'lesson', lessonId] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<KnowledgeLesson>(`/api/knowledge/lessons/${id(lessonId)}`, { signal }),
  };
}

export function createLesson(api: ApiClient, lesson: LessonRequest) {
  return api.post<KnowledgeLesson>('/api/knowledge/lessons', lesson);
}

export function updateLesson(api: ApiClient, lessonId: string, lesson: LessonRequest) {
  return api.put<KnowledgeLesson>(`/api/knowledge/lessons/${id(lessonId)}`, lesson);
}

export function deleteLesson(api: ApiClient, lessonId: string) {
  return api.delete(`/api/knowledge/lessons/${id(lessonId)}`);
}

export function graphsQuery(api: ApiClient, filter: { studentId?: string; subjectId?: string; templates?: boolean; page?: number }) {
  return {
    queryKey: [...knowledgeKey, 'graphs', filter] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<GraphSummary>>(`/api/knowledge/graphs${queryString({ ...filter, pageSize: 50 })}`, { signal }),
  };
}

export function graphQuery(api: ApiClient, graphId: string) {
  return {
    queryKey: [...knowledgeKey, 'graph', graphId] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<KnowledgeGraph>(`/api/knowledge/graphs/${id(graphId)}`, { signal }),
  };
}

export function createGraph(api: ApiClient, graph: { subjectId: string; studentId: string | null; title: string }) {
  return api.post<KnowledgeGraph>('/api/knowledge/graphs', graph);
}

export function deleteGraph(api: ApiClient, graphId: string) {
  return api.delete(`/api/knowledge/graphs/${id(graphId)}`);
}

export function addNode(api: ApiClient, graphId: string, node: { lessonId: string; x: number; y: number }) {
  return api.post<GraphNode>(`/api/knowledge/graphs/${id(graphId)}/nodes`, node);
}

export function moveNode(api: ApiClient, graphId: string, nodeId: string, position: { x: number; y: number }) {
  return api.put<GraphNode>(`/api/knowledge/graphs/${id(graphId)}/nodes/${id(nodeId)}`, position);
}

export function removeNode(api: ApiClient, graphId: string, nodeId: string) {
  return api.delete(`/api/knowledge/graphs/${id(graphId)}/nodes/${id(nodeId)}`);
}

export function addEdge(api: ApiClient, graphId: string, edge: { fromNodeId: string; toNodeId: string }) {
  return api.post<GraphEdge>(`/api/knowledge/graphs/${id(graphId)}/edges`, edge);
}

export function removeEdge(api: ApiClient, graphId: string, edgeId: string) {
  return api.delete(`/api/knowledge/graphs/${id(graphId)}/edges/${id(edgeId)}`);
}

export function applyTemplate(api: ApiClient, graphId: string, studentIds: string[]) {
  return api.post<KnowledgeGraph[]>(`/api/knowledge/graphs/${id(graphId)}/apply`, { studentIds });
}

export function openedLessonQuery(api: ApiClient, graphId: string, nodeId: string) {
  return {
    queryKey: [...knowledgeKey, 'graph', graphId, 'lesson', nodeId] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<OpenedLesson>(`/api/knowledge/graphs/${id(graphId)}/nodes/${id(nodeId)}/lesson`, { signal }),
  };
}

export function answer(api: ApiClient, graphId: string, nodeId: string, request: AnswerRequest) {
  return api.post<AnswerResult>(`/api/knowledge/graphs/${id(graphId)}/nodes/${id(nodeId)}/answers`, request);
}

export function progressQuery(api: ApiClient, graphId: string) {
  return {
    queryKey: [...knowledgeKey, 'graph', graphId, 'progress'] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<GraphProgress>(`/api/knowledge/graphs/${id(graphId)}/progress`, { signal }),
  };
}

export function downloadProgress(api: ApiClient, graphId: string): Promise<DownloadedFile> {
  return api.download(`/api/knowledge/graphs/${id(graphId)}/progress.xlsx`);
}

export function reviewsQuery(api: ApiClient, page: number) {
  return {
    queryKey: [...knowledgeKey, 'reviews', page] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<PendingReview>>(`/api/knowledge/reviews${queryString({ page, pageSize: 20 })}`, { signal }),
  };
}

export function markReview(api: ApiClient, attemptId: string, correct: boolean) {
  return api.post<Schemas['KnowledgeReviewResponse']>(`/api/knowledge/reviews/${id(attemptId)}`, { correct });
}
