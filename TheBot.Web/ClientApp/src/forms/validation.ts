import type { MessageKey } from '../i18n/messages/en';
import type { MessageParams, Translate } from '../i18n/translate';

/** A client-side validation failure, kept untranslated so that it follows a language switch. */
export interface ValidationProblem {
  key: MessageKey;
  params?: MessageParams;
}

/** Checks one field; `values` holds the whole form, for rules that compare fields. */
export type Validator = (value: string, values: Readonly<Record<string, string>>) => ValidationProblem | null;
export type ValidationRules<TField extends string> = Readonly<Record<TField, readonly Validator[]>>;

export const required: Validator = (value) => (value.trim() === '' ? { key: 'validation.required' } : null);

// Deliberately loose: one @, something before it, a dot in the domain. The server has the last word.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const email: Validator = (value) => (value.trim() === '' || EMAIL.test(value.trim()) ? null : { key: 'validation.email' });

const PHONE_CHARACTERS = /^\+?[\d\s()-]+$/;
export const phone: Validator = (value) => {
  const trimmed = value.trim();
  if (trimmed === '') {
    return null;
  }
  const digits = trimmed.replace(/\D/g, '').length;
  return PHONE_CHARACTERS.test(trimmed) && digits >= 7 && digits <= 20 ? null : { key: 'validation.phone' };
};

export const maxLength =
  (max: number): Validator =>
  (value) =>
    value.length > max ? { key: 'validation.maxLength', params: { max } } : null;

export const minLength =
  (min: number): Validator =>
  (value) =>
    value.length > 0 && value.length < min ? { key: 'validation.minLength', params: { min } } : null;

/** The first failing rule of each field; fields that pass are absent. */
export function validate<TField extends string>(
  values: Readonly<Record<TField, string>>,
  rules: ValidationRules<TField>,
): Partial<Record<TField, ValidationProblem>> {
  const problems: Partial<Record<TField, ValidationProblem>> = {};
  for (const field of Object.keys(rules) as TField[]) {
    for (const rule of rules[field]) {
      const problem = rule(values[field], values);
      if (problem !== null) {
        problems[field] = problem;
        break;
      }
    }
  }
  return problems;
}

export function translateProblem(problem: ValidationProblem, t: Translate): string {
  return t(problem.key, problem.params);
}
