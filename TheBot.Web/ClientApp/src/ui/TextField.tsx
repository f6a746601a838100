import type { InputHTMLAttributes } from 'react';
import { Field, type FieldFrameProps } from './Field';

export interface TextFieldProps extends FieldFrameProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'required'> {}

/** A labelled input whose hint and errors are announced with it. */
export function TextField({ name, label, hint, errors, required, ...input }: TextFieldProps) {
  return (
    <Field name={name} label={label} hint={hint} errors={errors} required={required}>
      {(control) => <input {...input} {...control} />}
    </Field>
  );
}
