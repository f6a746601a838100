import type { SelectHTMLAttributes } from 'react';
import { Field, type FieldFrameProps } from './Field';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends FieldFrameProps, Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id' | 'required'> {
  options: readonly SelectOption[];
  placeholder?: string;
}

/** A labelled select (with an optional empty first choice) whose hint and errors are announced with it. */
export function SelectField({ name, label, options, placeholder, hint, errors, required, ...select }: SelectFieldProps) {
  return (
    <Field name={name} label={label} hint={hint} errors={errors} required={required}>
      {(control) => (
        <select {...select} {...control}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
