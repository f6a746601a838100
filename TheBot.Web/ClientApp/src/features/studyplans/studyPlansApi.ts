import type { ApiClient, DownloadedFile } from '../../api/ApiClient';
import { queryString, type PagedResult } from '../../api/paging';
import { enumValues, type Schemas } from '../../api/schemas';

export type StudyPlan = Schemas['StudyPlanResponse'];

export type StudyPlanItem = Schemas['StudyPlanItemResponse'];

export type StudyPlanItemKind = Schemas['StudyPlanItemKind'];

export const ITEM_KINDS = enumValues<StudyPlanItemKind>()(['topic', 'task', 'link', 'file']);

/** An item as the editor holds it: an existing item keeps its id (and so its tick and file). */
export interface DraftItem {
  id?: string;
  kind: StudyPlanItemKind;
  title: string;
  details: string;
  url: string;
}

export const studyPlansKey = ['studyPlans'] as const;

export function studyPlansQuery(api: ApiClient, filter: { studentId?: string | undefined; subjectId?: string | undefined; weekStart?: string | undefined; page?: number | undefined }) {
  return {
    queryKey: [...studyPlansKey, 'list', filter] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<StudyPlan>>(`/api/study-plans${queryString({ ...filter, pageSize: 20 })}`, { signal }),
  };
}

export function currentWeekQuery(api: ApiClient) {
  return {
    queryKey: [...studyPlansKey, 'current-week'] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Schemas['StudyPlanWeekResponse']>('/api/study-plans/current-week', { signal }),
  };
}

function toRequestItems(items: readonly DraftItem[]) {
  return items.map((item) => ({
    id: item.id ?? null,
    kind: item.kind,
    title: item.title.trim(),
    details: item.details.trim() === '' ? null : item.details.trim(),
    url: item.url.trim() === '' ? null : item.url.trim(),
  }));
}

export function createStudyPlan(api: ApiClient, plan: { studentId: string; subjectId: string; weekStart: string; items: readonly DraftItem[] }) {
  return api.post<StudyPlan>('/api/study-plans', { ...plan, items: toRequestItems(plan.items) });
}

export function updateStudyPlan(api: ApiClient, id: string, items: readonly DraftItem[]) {
  return api.put<StudyPlan>(`/api/study-plans/${encodeURIComponent(id)}`, { items: toRequestItems(items) });
}

export function copyPreviousStudyPlan(api: ApiClient, plan: { studentId: string; subjectId: string; weekStart: string }) {
  return api.post<StudyPlan>('/api/study-plans/copy-previous', plan);
}

export function sendStudyPlan(api: ApiClient, id: string) {
  return api.post<StudyPlan>(`/api/study-plans/${encodeURIComponent(id)}/send`);
}

export function tickStudyPlanItem(api: ApiClient, id: string, itemId: string, done: boolean) {
  return api.post<StudyPlan>(`/api/study-plans/${encodeURIComponent(id)}/items/${encodeURIComponent(itemId)}/done`, { done });
}

export function uploadStudyPlanFile(api: ApiClient, id: string, itemId: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.post<StudyPlan>(`/api/study-plans/${encodeURIComponent(id)}/items/${encodeURIComponent(itemId)}/file`, form);
}

export function downloadStudyPlanFile(api: ApiClient, id: string, itemId: string): Promise<DownloadedFile> {
  return api.download(`/api/study-plans/${encodeURIComponent(id)}/items/${encodeURIComponent(itemId)}/file`);
}

/** The Monday `weeks` weeks from the given one (yyyy-MM-dd, calendar dates: no time zone involved). */
export function shiftWeek(weekStart: string, weeks: number): string {
  const [year, month, day] = weekStart.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day + weeks * 7));
  return date.toISOString().slice(0, 10);
}

export function toDraftItems(plan: StudyPlan | undefined): DraftItem[] {
  return (plan?.items ?? []).map((item) => ({ id: item.id, kind: item.kind, title: item.title, details: item.details ?? '', url: item.url ?? '' }));
}
