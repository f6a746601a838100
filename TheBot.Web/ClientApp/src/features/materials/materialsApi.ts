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
