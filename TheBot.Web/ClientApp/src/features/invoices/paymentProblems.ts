import { isApiError } from '../../api/ApiError';
import type { Translate } from '../../i18n/translate';
import { describeError } from '../../ui/describeError';

/** The API's problem type (503) when this site has no payment provider set up: nothing was started or charged. */
export const PAYMENTS_NOT_CONFIGURED = 'tag:thebot,2026:problems/payments-not-configured';

/** A failed payment start, in the user's language; payments that are not set up get their own sentence. */
export function describePaymentError(error: unknown, t: Translate): string {
  return isApiError(error) && error.problem.type === PAYMENTS_NOT_CONFIGURED
    ? t('invoice.paymentsNotConfigured')
    : describeError(error, t);
}
