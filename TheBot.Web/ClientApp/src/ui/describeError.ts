import { isApiError } from '../api/ApiError';
import { FORM_ERRORS_KEY } from '../api/problemDetails';
import type { Translate } from '../i18n/translate';

/**
 * One sentence for the person in front of the screen about a failed call: what the server said when it
 * said something specific, otherwise a localized explanation of the status.
 */
export function describeError(error: unknown, t: Translate): string {
  if (!isApiError(error)) {
    return t('error.title');
  }
  if (error.isNetworkError) {
    return t('error.network');
  }
  if (error.status === 429) {
    return error.retryAfterSeconds !== null
      ? t('error.tooManyRequests', { seconds: error.retryAfterSeconds })
      : t('error.tooManyRequestsSoon');
  }
  const formErrors = error.fieldErrors[FORM_ERRORS_KEY];
  if (formErrors !== undefined && formErrors.length > 0) {
    return formErrors.join(' ');
  }
  if (error.problem.detail) {
    return error.problem.detail;
  }
  if (error.status === 400 && error.hasFieldErrors) {
    return t('error.fixFields');
  }
  switch (error.status) {
    case 401:
      return t('error.unauthorized');
    case 403:
      return t('error.forbidden');
    case 404:
      return t('error.notFound');
    default:
      return error.status >= 500 ? t('error.server') : (error.problem.title ?? t('error.title'));
  }
}
