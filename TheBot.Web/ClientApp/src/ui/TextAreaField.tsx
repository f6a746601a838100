import type { TextareaHTMLAttributes } from 'react';
import { Field, type FieldFrameProps } from './Field';

export interface TextAreaFieldProps extends FieldFrameProps, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id' | 'required'> {}

/** A labelled textarea whose hint and errors are announced with it. */
export function TextAreaField({ name, label, hint, errors, required, ...textarea }: TextAreaFieldProps) {
  return (
    <Field name={name} label={label} hint={hint} errors={errors} required={required}>
      {(control) => <textarea {...textarea} {...control} />}
    </Field>
  );
}
