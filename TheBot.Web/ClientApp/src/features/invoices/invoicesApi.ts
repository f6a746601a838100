import type { ApiClient, DownloadedFile } from '../../api/ApiClient';
import { queryString, type PagedResult } from '../../api/paging';
import { enumValues, type RequestBody, type Schemas } from '../../api/schemas';

export const INVOICE_STATUSES = enumValues<Schemas['InvoiceStatus']>()(['draft', 'sent', 'viewed', 'overdue', 'paid', 'cancelled']);
export type InvoiceStatus = Schemas['InvoiceStatus'];

/** displayNumber (INV-000042) is computed by the API: always sent, though the document cannot say it is required. */
export type Invoice = Omit<Schemas['InvoiceResponse'], 'displayNumber'> & { displayNumber: string };

export type InvoiceHistoryItem = Schemas['InvoiceHistoryItem'];

export type CurrencyTotals = Schemas['CurrencyTotals'];

export type InvoiceStatistics = Schemas['InvoiceStatistics'];

/** The realtime `invoiceChanged` event sent to the invoice's tutor and parent. */
export interface InvoiceChangedEvent {
  invoiceId: string;
  number: string;
  status: InvoiceStatus;
  amount: number;
  currency: string;
}

export type NewInvoice = RequestBody<Schemas['CreateInvoiceRequest']>;

export type InvoiceChanges = Partial<Schemas['UpdateInvoiceRequest']>;

export const invoicesKey = ['invoices'] as const;

export function invoiceListQuery(api: ApiClient, filter: { status: string; page: number }) {
  return {
    queryKey: [...invoicesKey, 'list', filter] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<PagedResult<Invoice>>(`/api/invoices${queryString({ status: filter.status, page: filter.page, pageSize: 20 })}`, { signal }),
  };
}

export function invoiceQuery(api: ApiClient, id: string) {
  return {
    queryKey: [...invoicesKey, 'one', id] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Invoice>(`/api/invoices/${encodeURIComponent(id)}`, { signal }),
  };
}

export function invoiceHistoryQuery(api: ApiClient, id: string) {
  return {
    queryKey: [...invoicesKey, 'history', id] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<InvoiceHistoryItem[]>(`/api/invoices/${encodeURIComponent(id)}/history`, { signal }),
  };
}

export function invoiceStatisticsQuery(api: ApiClient) {
  return {
    queryKey: [...invoicesKey, 'statistics'] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<InvoiceStatistics>('/api/invoices/statistics', { signal }),
  };
}

export function createInvoice(api: ApiClient, invoice: NewInvoice): Promise<Invoice> {
  return api.post<Invoice>('/api/invoices', invoice);
}

export function updateInvoice(api: ApiClient, id: string, changes: InvoiceChanges): Promise<Invoice> {
  return api.patch<Invoice>(`/api/invoices/${encodeURIComponent(id)}`, changes);
}

export function sendInvoice(api: ApiClient, id: string): Promise<Invoice> {
  return api.post<Invoice>(`/api/invoices/${encodeURIComponent(id)}/send`);
}

export function cancelInvoice(api: ApiClient, id: string, reason: string): Promise<Invoice> {
  return api.post<Invoice>(`/api/invoices/${encodeURIComponent(id)}/cancel`, { reason: reason === '' ? null : reason });
}

export function markInvoiceViewed(api: ApiClient, id: string): Promise<Invoice> {
  return api.post<Invoice>(`/api/invoices/${encodeURIComponent(id)}/viewed`);
}

/** Starts a payment; the answer names the provider's confirmation page to open. */
export function payInvoice(api: ApiClient, id: string): Promise<{ confirmationUrl: string; paymentId: string }> {
  return api.post(`/api/invoices/${encodeURIComponent(id)}/pay`);
}

export function exportInvoices(api: ApiClient): Promise<DownloadedFile> {
  return api.download('/api/invoices/export');
}
