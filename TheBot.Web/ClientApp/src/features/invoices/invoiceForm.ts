import { maxLength, required, type ValidationRules, type Validator } from '../../forms/validation';
import { parseAmount } from '../../format/money';

export const CURRENCIES = ['RUB', 'USD', 'EUR'] as const;

export const amount: Validator = (value) => (value.trim() === '' || parseAmount(value) !== null ? null : { key: 'validation.amount' });

export type NewInvoiceField = 'studentId' | 'parentId' | 'enrollmentId' | 'amount' | 'currency' | 'description' | 'dueDate';

export const newInvoiceRules: ValidationRules<NewInvoiceField> = {
  studentId: [required],
  parentId: [required],
  enrollmentId: [],
  amount: [required, amount],
  currency: [required],
  description: [required, maxLength(1000)],
  dueDate: [required],
};

export type DraftField = 'amount' | 'currency' | 'description' | 'dueDate';

export const draftRules: ValidationRules<DraftField> = {
  amount: [required, amount],
  currency: [required],
  description: [required, maxLength(1000)],
  dueDate: [required],
};
