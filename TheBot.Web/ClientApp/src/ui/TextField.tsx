import type { InputHTMLAttributes } from 'react';
import { FieldMessages, fieldMessageIds } from './FieldMessages';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'> {
  name: string;
  label: string;
  hint?: string | undefined;
  errors?: readonly string[] | undefined;
}

/** A labelled input whose hint and errors are announced with it. */
export function TextField({ name, label, hint, errors, required, ...input }: TextFieldProps) {
  const invalid = (errors?.length ?? 0) > 0;
  return (
    <div className={invalid ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={name}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input
        {...input}
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
