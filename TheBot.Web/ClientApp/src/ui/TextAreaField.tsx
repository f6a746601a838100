import type { TextareaHTMLAttributes } from 'react';
import { FieldMessages, fieldMessageIds } from './FieldMessages';

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'> {
  name: string;
  label: string;
  hint?: string | undefined;
  errors?: readonly string[] | undefined;
}

export function TextAreaField({ name, label, hint, errors, required, ...textarea }: TextAreaFieldProps) {
  const invalid = (errors?.length ?? 0) > 0;
  return (
    <div className={invalid ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={name}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <textarea
        {...textarea}
        className="field__control"
        id={name}
        name={name}
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={fieldMessageIds(name, hint, errors)}
      />
      <FieldMessages name={name} hint={hint} errors={errors} />
    </div>
  );
}
