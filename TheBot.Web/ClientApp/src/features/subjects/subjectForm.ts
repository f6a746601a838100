import { maxLength, required, type ValidationRules, type Validator } from '../../forms/validation';

export type SubjectField = 'name' | 'description' | 'color';

export const color: Validator = (value) => (/^#[0-9a-fA-F]{6}$/.test(value) ? null : { key: 'validation.color' });

export const subjectRules: ValidationRules<SubjectField> = {
  name: [required, maxLength(100)],
  description: [maxLength(2000)],
  color: [required, color],
};
