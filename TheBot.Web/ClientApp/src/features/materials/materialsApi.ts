import type { ApiClient, DownloadedFile } from '../../api/ApiClient';
import { queryString, type PagedResult } from '../../api/paging';
import { enumValues, type RequestBody, type Schemas } from '../../api/schemas';

export const MATERIAL_KINDS = enumValues<Schemas['MaterialKind']>()(['lesson', 'presentation', 'videoLink', 'document', 'homework']);
export const MATERIAL_STATUSES = enumValues<Schemas['MaterialStatus']>()(['draft', 'active', 'archived']);
export type MaterialStatus = Schemas['MaterialStatus'];

export type Material = Schemas['MaterialResponse'];

export type NewMaterial = Omit<RequestBody<Schemas['CreateMaterialRequest']>, 'studentIds'>;

export const materialsKey = ['materials'] as const;

export function materialListQuery(api: ApiClient) {
  return {
    queryKey: [...materialsKey, 'list'] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<PagedResult<Material>>(`/api/materials${queryString({ pageSize: 100 })}`, { signal }),
  };
}

export function createMaterial(api: ApiClient, material: NewMaterial): Promise<Material> {
  return api.post<Material>('/api/materials', material);
}

export function changeMaterialStatus(api: ApiClient, id: string, status: MaterialStatus): Promise<Material> {
  return api.patch<Material>(`/api/materials/${encodeURIComponent(id)}`, { status });
}

export function uploadMaterialFile(api: ApiClient, id: string, file: File): Promise<Material> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.post<Material>(`/api/materials/${encodeURIComponent(id)}/files`, form);
}

export function downloadMaterialFile(api: ApiClient, id: string): Promise<DownloadedFile> {
  return api.download(`/api/materials/${encodeURIComponent(id)}/files`);
}

/** A student opened (or finished) a material: the teacher sees it in the material's progress. */
export function recordMaterialProgress(api: ApiClient, id: string, completed: boolean): Promise<unknown> {
  return api.post(`/api/materials/${encodeURIComponent(id)}/progress`, { completed });
}

/** How often an open, visible material reports the time spent (the API credits at most 60 seconds a call). */
export const HEARTBEAT_SECONDS = 30;

/** Time spent with a material open: the API credits no more than has passed since the previous report. */
export function reportMaterialTime(api: ApiClient, id: string, seconds: number): Promise<unknown> {
  return api.post(`/api/materials/${encodeURIComponent(id)}/progress`, { seconds });
}

export type MaterialProgressSummary = Schemas['MaterialProgressSummary'];
export type MaterialProgressItem = Schemas['MaterialProgressItem'];

/** Per student and subject: materials opened and completed, the share completed and the time spent. */
export function materialProgressSummaryQuery(api: ApiClient) {
  return {
    queryKey: [...materialsKey, 'progress'] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<MaterialProgressSummary>>(`/api/materials/progress${queryString({ pageSize: 100 })}`, { signal }),
  };
}

/** Who opened and completed one material (its teacher). */
export function materialStudentsQuery(api: ApiClient, id: string) {
  return {
    queryKey: [...materialsKey, 'progress', id] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<MaterialProgressItem[]>(`/api/materials/${encodeURIComponent(id)}/progress`, { signal }),
  };
}

export type MaterialQuestion = Schemas['MaterialQuestionResponse'];
export type MaterialQuestionReply = Schemas['MaterialQuestionReplyResponse'];
export type MaterialQuestionStatus = Schemas['MaterialQuestionStatus'];

export function materialQuestionsQuery(api: ApiClient, id: string) {
  return {
    queryKey: [...materialsKey, 'questions', id] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<MaterialQuestion>>(`/api/materials/${encodeURIComponent(id)}/questions${queryString({ pageSize: 50 })}`, { signal }),
  };
}

const questionsPath = (id: string) => `/api/materials/${encodeURIComponent(id)}/questions`;

export function askMaterialQuestion(api: ApiClient, id: string, text: string): Promise<MaterialQuestion> {
  return api.post<MaterialQuestion>(questionsPath(id), { text });
}

export function replyToMaterialQuestion(api: ApiClient, id: string, questionId: string, text: string): Promise<MaterialQuestionReply> {
  return api.post<MaterialQuestionReply>(`${questionsPath(id)}/${encodeURIComponent(questionId)}/replies`, { text });
}

export function moderateMaterialQuestion(
  api: ApiClient,
  id: string,
  questionId: string,
  change: { status?: MaterialQuestionStatus; answered?: boolean },
): Promise<MaterialQuestion> {
  return api.patch<MaterialQuestion>(`${questionsPath(id)}/${encodeURIComponent(questionId)}`, change);
}

export function deleteMaterialQuestion(api: ApiClient, id: string, questionId: string): Promise<unknown> {
  return api.delete(`${questionsPath(id)}/${encodeURIComponent(questionId)}`);
}

export function moderateMaterialReply(api: ApiClient, id: string, questionId: string, replyId: string, hidden: boolean): Promise<MaterialQuestionReply> {
  return api.patch<MaterialQuestionReply>(`${questionsPath(id)}/${encodeURIComponent(questionId)}/replies/${encodeURIComponent(replyId)}`, { hidden });
}

export function deleteMaterialReply(api: ApiClient, id: string, questionId: string, replyId: string): Promise<unknown> {
  return api.delete(`${questionsPath(id)}/${encodeURIComponent(questionId)}/replies/${encodeURIComponent(replyId)}`);
}

/** Time spent as whole minutes, rounded down (under a minute is 0). */
export function minutesSpent(seconds: number): number {
  return Math.floor(Math.max(0, seconds) / 60);
}

/** Materials by subject name, newest first within each (the API returns newest first). */
export function groupBySubject(materials: readonly Material[]): [string, Material[]][] {
  const groups = new Map<string, Material[]>();
  for (const material of materials) {
    const group = groups.get(material.subject.name) ?? [];
    group.push(material);
    groups.set(material.subject.name, group);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** A subject's progress over its rows (one per teacher): materials, completed, the share completed (0–100) and time. */
export function subjectProgress(rows: readonly MaterialProgressSummary[], subjectName: string) {
  const mine = rows.filter((row) => row.subject.name === subjectName);
  const materials = mine.reduce((sum, row) => sum + row.materials, 0);
  const completed = mine.reduce((sum, row) => sum + row.completed, 0);
  const secondsSpent = mine.reduce((sum, row) => sum + row.secondsSpent, 0);
  return { materials, completed, secondsSpent, percent: materials === 0 ? 0 : Math.floor((100 * completed) / materials) };
}
