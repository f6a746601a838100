import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/ApiError';
import { en } from '../../i18n/messages/en';
import { ru } from '../../i18n/messages/ru';
import { createTranslator } from '../../i18n/translate';
import { describePaymentError, PAYMENTS_NOT_CONFIGURED } from './paymentProblems';

const notConfigured = new ApiError(503, {
  type: 'tag:thebot,2026:problems/payments-not-configured',
  title: 'Payments are not configured',
  status: 503,
  detail: 'Online payment is not available: no payment provider is set up for this site. Nothing was charged.',
});

describe('describePaymentError', () => {
  it('names the problem type the API answers when no payment provider is set up', () => {
    expect(PAYMENTS_NOT_CONFIGURED).toBe('tag:thebot,2026:problems/payments-not-configured');
  });

  it('tells a Russian-speaking parent in Russian that online payment is not available', () => {
    const message = describePaymentError(notConfigured, createTranslator({ en, ru }, 'ru'));
    expect(message).toBe(ru['invoice.paymentsNotConfigured']);
    expect(message).not.toBe(notConfigured.problem.detail);
  });

  it('tells an English-speaking parent in English', () => {
    expect(describePaymentError(notConfigured, createTranslator({ en, ru }, 'en'))).toBe(en['invoice.paymentsNotConfigured']);
  });

  it('leaves every other failure to the usual description', () => {
    const conflict = new ApiError(409, { title: 'Conflict', status: 409, detail: 'A paid invoice cannot be paid.' });
    expect(describePaymentError(conflict, createTranslator({ en, ru }, 'en'))).toBe('A paid invoice cannot be paid.');
  });
});
