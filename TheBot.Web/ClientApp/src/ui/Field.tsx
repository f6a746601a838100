import type { ReactNode } from 'react';

/** What every field shows around its control: a label, and a hint and errors announced with it. */
export interface FieldFrameProps {
  name: string;
  label: string;
  hint?: string | undefined;
  errors?: readonly string[] | undefined;
  required?: boolean | undefined;
}

/** The attributes that tie a control to its label, hint and errors; the control spreads them. */
export interface FieldControlProps {
  className: string;
  id: string;
  name: string;
  required: boolean | undefined;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * The one label/hint/error wrapper: the control's id is the field's name (forms focus the first invalid
 * field by it), and aria-describedby points at whichever of the hint and the errors are shown.
 */
export function Field({
  name,
  label,
  hint,
  errors,
  required,
  children,
}: FieldFrameProps & { children: (control: FieldControlProps) => ReactNode }) {
  const invalid = (errors?.length ?? 0) > 0;
  return (
    <div className={invalid ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={name}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {children({
        className: 'field__control',
        id: name,
        name,
        required,
        'aria-invalid': invalid || undefined,
        'aria-describedby': fieldMessageIds(name, hint, errors),
      })}
      <FieldMessages name={name} hint={hint} errors={errors} />
    </div>
  );
}

/** The hint and the error messages under a form field; their ids are what aria-describedby points at. */
function fieldMessageIds(name: string, hint: string | undefined, errors: readonly string[] | undefined): string | undefined {
  const ids = [hint ? `${name}-hint` : null, errors?.length ? `${name}-error` : null].filter((id) => id !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldMessages({ name, hint, errors }: { name: string; hint?: string | undefined; errors?: readonly string[] | undefined }) {
  return (
    <>
      {hint ? (
        <p className="field__hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <ul className="field__errors" id={`${name}-error`}>
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
