import type { ApiClient, DownloadedFile } from '../../api/ApiClient';
import { queryString, type PagedResult } from '../../api/paging';
import { knowledgeKey } from './knowledgeKey';

export { knowledgeKey };

// The knowledge graph's API (docs/knowledge-graph.md): elements, lessons, graphs, a student's work and reviews.

export type ElementKind = 'theory' | 'video' | 'question' | 'problem';
export type ElementCheck = 'none' | 'single' | 'multiple' | 'number' | 'text' | 'free';
export type NodeStatus = 'locked' | 'available' | 'inProgress' | 'passed';
export type AnswerOutcome = 'correct' | 'wrong' | 'pending';

export const ELEMENT_KINDS: readonly ElementKind[] = ['theory', 'video', 'question', 'problem'];
export const NODE_STATUSES: readonly NodeStatus[] = ['locked', 'available', 'inProgress', 'passed'];

/** The checks each kind allows, the first being the default. */
export const CHECKS_OF: Record<ElementKind, readonly ElementCheck[]> = {
  theory: ['none'],
  video: ['none'],
  question: ['single', 'multiple'],
  problem: ['number', 'text', 'free'],
};

export interface ElementOption {
  id: string;
  text: string;
  /** Only to the element's author and teachers it is shared with. */
  correct?: boolean | null;
}

export interface KnowledgeElement {
  id: string;
  subjectId: string;
  authorId?: string;
  authorName?: string | null;
  kind: ElementKind;
  check: ElementCheck;
  title: string;
  body?: string | null;
  videoUrl?: string | null;
  options?: ElementOption[] | null;
  answerNumber?: number | null;
  tolerance?: number | null;
  acceptedAnswers?: string[] | null;
  points?: number | null;
  difficulty?: number | null;
  tags?: string[] | null;
  estimatedMinutes?: number | null;
  shared?: boolean;
  /** Whether the caller wrote it (and so may edit it). */
  mine?: boolean;
}

export interface ElementRequest {
  subjectId: string;
  kind: ElementKind;
  check: ElementCheck;
  title: string;
  body: string | null;
  videoUrl: string | null;
  options: { text: string; correct: boolean }[] | null;
  answerNumber: number | null;
  tolerance: number | null;
  acceptedAnswers: string[] | null;
  points: number | null;
  difficulty: number;
  tags: string[];
  estimatedMinutes: number | null;
  shared: boolean;
}

export interface KnowledgeLesson {
  id: string;
  subjectId: string;
  title: string;
  description?: string | null;
  passPercent: number;
  elementCount?: number;
  elements?: KnowledgeElement[];
}

export interface LessonRequest {
  subjectId: string;
  title: string;
  description: string | null;
  passPercent: number;
  elementIds: string[];
}

export interface GraphNode {
  id: string;
  lessonId: string;
  lessonTitle?: string;
  title?: string;
  x: number;
  y: number;
  status?: NodeStatus | null;
  scorePercent?: number | null;
}

export interface GraphEdge {
  id: string;
  fromNodeId: string;
  toNodeId: string;
}

export interface KnowledgeGraph {
  id: string;
  subjectId: string;
  subjectName?: string | null;
  studentId?: string | null;
  studentName?: string | null;
  teacherId?: string;
  teacherName?: string | null;
  title: string;
  nodes?: GraphNode[];
  edges?: GraphEdge[];
}

export interface LatestAnswer {
  outcome: AnswerOutcome;
  points?: number | null;
  optionIds?: string[] | null;
  number?: number | null;
  text?: string | null;
}

export interface PlayerElement {
  id: string;
  kind: ElementKind;
  check: ElementCheck;
  title: string;
  body?: string | null;
  videoUrl?: string | null;
  options?: ElementOption[] | null;
  points?: number | null;
  latestAnswer?: LatestAnswer | null;
}

export interface OpenedLesson {
  graphId?: string;
  nodeId?: string;
  lessonId?: string;
  title: string;
  description?: string | null;
  passPercent: number;
  status: NodeStatus;
  scorePercent?: number | null;
  elements: PlayerElement[];
}

export interface AnswerRequest {
  elementId: string;
  optionIds?: string[];
  number?: number;
  text?: string;
}

export interface AnswerResult {
  outcome: AnswerOutcome;
  points: number;
  maxPoints: number;
  status: NodeStatus;
  scorePercent: number;
  /** The nodes this answer opened (their ids). */
  unlocked: (string | { nodeId?: string; id?: string })[];
}

export interface WrongAnswer {
  answer: string;
  count: number;
}

export interface ElementProgress {
  elementId: string;
  title: string;
  attempts: number;
  latestOutcome?: AnswerOutcome | null;
  commonWrongAnswers?: WrongAnswer[];
}

export interface LessonProgress {
  nodeId: string;
  lessonTitle?: string;
  title?: string;
  status: NodeStatus;
  scorePercent?: number | null;
  minutesSpent?: number | null;
  minutes?: number | null;
  attempts: number;
  elements?: ElementProgress[];
}

export interface GraphProgress {
  graphId?: string;
  lessons: LessonProgress[];
}

export interface PendingReview {
  attemptId: string;
  graphId?: string;
  studentName?: string | null;
  lessonTitle?: string | null;
  elementTitle?: string | null;
  body?: string | null;
  text?: string | null;
  answer?: string | null;
  answeredAt?: string;
}


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
      api.get<PagedResult<KnowledgeLesson>>(`/api/knowledge/lessons${queryString({ ...filter, pageSize: 50 })}`, { signal }),
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
      api.get<PagedResult<KnowledgeGraph>>(`/api/knowledge/graphs${queryString({ ...filter, pageSize: 50 })}`, { signal }),
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
  return api.post<{ status: NodeStatus }>(`/api/knowledge/reviews/${id(attemptId)}`, { correct });
}

/** The ids of the nodes an answer opened, whether the server lists ids or nodes. */
export function unlockedIds(result: Pick<AnswerResult, 'unlocked'>): string[] {
  return (result.unlocked ?? [])
    .map((item) => (typeof item === 'string' ? item : (item.nodeId ?? item.id ?? '')))
    .filter((value) => value !== '');
}
