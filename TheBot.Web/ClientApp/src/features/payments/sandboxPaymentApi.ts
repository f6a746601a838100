import type { ApiClient } from '../../api/ApiClient';
import type { Schemas } from '../../api/schemas';

export type SandboxPayment = Schemas['SandboxPaymentResponse'];

/** Where the page's buttons post the payer's choice (the API answers with a redirect back to the invoice). */
export function sandboxDecisionPath(paymentId: string): string {
  return `/api/payments/sandbox/${encodeURIComponent(paymentId)}`;
}

export function sandboxPaymentQuery(api: ApiClient, paymentId: string) {
  return {
    queryKey: ['payments', 'sandbox', paymentId] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<SandboxPayment>(`${sandboxDecisionPath(paymentId)}/details`, { anonymous: true, signal }),
  };
}
