import { describe, expect, it } from 'vitest';
import { applicationRules, emptyApplication } from '../features/applications/applicationForm';
import { email, maxLength, phone, required, validate } from './validation';

describe('validation rules', () => {
  it('requires non-blank values', () => {
    expect(required('  ', {})).toEqual({ key: 'validation.required' });
    expect(required('x', {})).toBeNull();
  });

  it('accepts plausible emails and leaves blanks to "required"', () => {
    expect(email('anna@example.com', {})).toBeNull();
    expect(email('', {})).toBeNull();
    expect(email('anna@', {})).toEqual({ key: 'validation.email' });
    expect(email('anna example.com', {})).toEqual({ key: 'validation.email' });
  });

  it('accepts phone numbers with 7 to 20 digits and the usual punctuation', () => {
    expect(phone('+7 (900) 123-45-67', {})).toBeNull();
    expect(phone('', {})).toBeNull();
    expect(phone('12345', {})).toEqual({ key: 'validation.phone' });
    expect(phone('call me', {})).toEqual({ key: 'validation.phone' });
  });

  it('reports the limit of a too-long value', () => {
    expect(maxLength(3)('abcd', {})).toEqual({ key: 'validation.maxLength', params: { max: 3 } });
  });
});

describe('the sign-up application form', () => {
  it('finds every missing required field of an empty form', () => {
    expect(validate(emptyApplication, applicationRules)).toEqual({
      fullName: { key: 'validation.required' },
      email: { key: 'validation.required' },
      desiredRole: { key: 'validation.required' },
    });
  });

  it('accepts a complete application', () => {
    const filled = { ...emptyApplication, fullName: 'Anna Petrova', email: 'anna@example.com', desiredRole: 'student', parentFullName: 'Olga Petrova', parentEmail: 'olga@example.com' };
    expect(validate(filled, applicationRules)).toEqual({});
  });

  it('reports the first failing rule per field', () => {
    const values = { ...emptyApplication, fullName: 'A', email: 'nope', desiredRole: 'parent', phone: '12' };
    expect(validate(values, applicationRules)).toEqual({
      email: { key: 'validation.email' },
      phone: { key: 'validation.phone' },
    });
  });
});
