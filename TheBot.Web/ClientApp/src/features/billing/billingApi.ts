import type { ApiClient, DownloadedFile } from '../../api/ApiClient';
import { queryString, type PagedResult } from '../../api/paging';
import type { Schemas } from '../../api/schemas';

export type EnrollmentBilling = Schemas['EnrollmentBillingResponse'];
export type TeacherEnrollmentPaid = Schemas['TeacherEnrollmentPaidResponse'];
export type Price = Schemas['PriceResponse'];
export type RevenueRow = Schemas['RevenueReportRow'];
export type LessonsBeyondPaid = Schemas['LessonsBeyondPaidResponse'];
export type BillingStatus = Schemas['BillingStatus'];
export type Subject = Schemas['SubjectResponse'];

export const billingKey = ['billing'] as const;

export function enrollmentBillingQuery(api: ApiClient, page: number) {
  return {
    queryKey: [...billingKey, 'enrollments', page] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<EnrollmentBilling>>(`/api/billing/enrollments${queryString({ page, pageSize: 20 })}`, { signal }),
  };
}

export function teachingPaidQuery(api: ApiClient, page: number) {
  return {
    queryKey: [...billingKey, 'teaching', page] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<TeacherEnrollmentPaid>>(`/api/billing/enrollments/teaching${queryString({ page, pageSize: 20 })}`, { signal }),
  };
}

export function pricesQuery(api: ApiClient, page: number) {
  return {
    queryKey: [...billingKey, 'prices', page] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<PagedResult<Price>>(`/api/billing/prices${queryString({ page, pageSize: 20 })}`, { signal }),
  };
}

export function subjectsQuery(api: ApiClient) {
  return {
    queryKey: [...billingKey, 'subjects'] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<PagedResult<Subject>>('/api/subjects?pageSize=100', { signal }),
  };
}

export function revenueQuery(api: ApiClient) {
  return {
    queryKey: [...billingKey, 'revenue'] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<RevenueRow[]>('/api/billing/reports/revenue', { signal }),
  };
}

export function lessonsBeyondPaidQuery(api: ApiClient, page: number) {
  return {
    queryKey: [...billingKey, 'beyond', page] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<LessonsBeyondPaid>>(`/api/billing/lessons-beyond-paid${queryString({ page, pageSize: 20 })}`, { signal }),
  };
}

export function setPrice(api: ApiClient, price: { subjectId: string; teacherId?: string | undefined; amount: number; currency: string }) {
  return api.put<Price>('/api/billing/prices', price);
}

export function deletePrice(api: ApiClient, id: string) {
  return api.delete(`/api/billing/prices/${encodeURIComponent(id)}`);
}

export function setPriceOverride(api: ApiClient, enrollmentId: string, value: { amount: number; currency: string; reason: string }) {
  return api.put<Schemas['PriceOverrideResponse']>(`/api/billing/enrollments/${encodeURIComponent(enrollmentId)}/price-override`, value);
}

export function removePriceOverride(api: ApiClient, enrollmentId: string) {
  return api.delete(`/api/billing/enrollments/${encodeURIComponent(enrollmentId)}/price-override`);
}

export function payEnrollment(api: ApiClient, enrollmentId: string) {
  return api.post<Schemas['PayEnrollmentResponse']>(`/api/billing/enrollments/${encodeURIComponent(enrollmentId)}/pay`);
}

export function subscribeEnrollment(api: ApiClient, enrollmentId: string, everyWeeks: number) {
  return api.put<Schemas['SubscribeResponse']>(`/api/billing/enrollments/${encodeURIComponent(enrollmentId)}/subscription`, { everyWeeks });
}

export function cancelSubscription(api: ApiClient, enrollmentId: string) {
  return api.delete<Schemas['SubscriptionResponse']>(`/api/billing/enrollments/${encodeURIComponent(enrollmentId)}/subscription`);
}

export function exportRevenue(api: ApiClient): Promise<DownloadedFile> {
  return api.download('/api/billing/reports/revenue/export');
}

/** The badge tone of a payment status: paid is good news, due a warning, overdue and unpaid need the parent. */
export function statusTone(status: BillingStatus): 'approved' | 'pending' | 'rejected' {
  switch (status) {
    case 'paid':
      return 'approved';
    case 'due':
      return 'pending';
    default:
      return 'rejected';
  }
}
