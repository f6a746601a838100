import type { SelectHTMLAttributes } from 'react';
import { FieldMessages, fieldMessageIds } from './FieldMessages';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'> {
  name: string;
  label: string;
  options: readonly SelectOption[];
  placeholder?: string;
  hint?: string | undefined;
  errors?: readonly string[] | undefined;
}

export function SelectField({ name, label, options, placeholder, hint, errors, required, ...select }: SelectFieldProps) {
  const invalid = (errors?.length ?? 0) > 0;
  return (
    <div className={invalid ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={name}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <select
        {...select}
        className="field__control"
        id={name}
        name={name}
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={fieldMessageIds(name, hint, errors)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages name={name} hint={hint} errors={errors} />
    </div>
  );
}
