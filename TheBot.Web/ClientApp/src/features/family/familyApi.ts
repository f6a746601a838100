import type { ApiClient } from '../../api/ApiClient';
import { queryString, type PagedResult } from '../../api/paging';
import type { Schemas } from '../../api/schemas';

export type ParentInvitation = Schemas['ParentInvitationResponse'];

export const invitationsKey = ['parent-invitations'] as const;

export function myInvitationsQuery(api: ApiClient) {
  return {
    queryKey: invitationsKey,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<ParentInvitation>>(`/api/parent-invitations${queryString({ pageSize: 100 })}`, { signal }),
  };
}

export function answerInvitation(api: ApiClient, id: string, answer: 'accept' | 'decline'): Promise<ParentInvitation> {
  return answer === 'accept'
    ? api.post<ParentInvitation>(`/api/parent-invitations/${encodeURIComponent(id)}/accept`)
    : api.post<ParentInvitation>(`/api/parent-invitations/${encodeURIComponent(id)}/decline`);
}

/** A new parent makes their account from the code their child's tutor handed over. */
export function redeemInvitation(api: ApiClient, request: { code: string; fullName: string | null; password: string }): Promise<{ email: string }> {
  return api.post<{ email: string }>('/api/parent-invitations/redeem', request);
}

/** The address a tutor hands to a new parent: the redeem page with the code filled in. */
export function invitationLink(origin: string, code: string): string {
  return `${origin}/invitation?code=${encodeURIComponent(code)}`;
}
