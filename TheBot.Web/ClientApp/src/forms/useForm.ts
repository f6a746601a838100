import { useState, type ChangeEvent, type FormEvent } from 'react';
import { isApiError } from '../api/ApiError';
import { FORM_ERRORS_KEY, type FieldErrors } from '../api/problemDetails';
import { useI18n } from '../i18n/I18nContext';
import { describeError } from '../ui/describeError';
import { translateProblem, validate, type ValidationProblem, type ValidationRules } from './validation';

/** What a field component needs from the form for one field: spread it, `<TextField {...form.field('email')} label=… />`. */
export interface FieldBinding {
  name: string;
  value: string;
  onChange(event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>): void;
  errors: readonly string[] | undefined;
}

export interface Form<TField extends string> {
  values: Readonly<Record<TField, string>>;
  setValue(field: TField, value: string): void;
  /** Client problems (after the first submit) and the server's messages for this field. */
  errorsFor(field: TField): readonly string[] | undefined;
  /** The field's name (its element id), value, change handler and errors, wired to this form. */
  field(field: TField): FieldBinding;
  /** A message about the form as a whole: the server's, or a network/limit explanation. */
  formError: string | null;
  submitting: boolean;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  reset(): void;
}

/**
 * Form state with validation on both sides: client rules are checked on submit (and re-checked as the user
 * types afterwards); the server's problem-details field errors appear next to the same fields and clear
 * when that field is edited.
 */
export function useForm<TField extends string>(
  initial: Readonly<Record<TField, string>>,
  rules: ValidationRules<TField>,
  submit: (values: Readonly<Record<TField, string>>) => Promise<void>,
): Form<TField> {
  const { t } = useI18n();
  const [values, setValues] = useState(initial);
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const clientProblems: Partial<Record<TField, ValidationProblem>> = attempted ? validate(values, rules) : {};

  const errorsFor = (field: TField): readonly string[] | undefined => {
    const client = clientProblems[field];
    const server = serverErrors[field] ?? [];
    const messages = client ? [translateProblem(client, t), ...server] : server;
    return messages.length > 0 ? messages : undefined;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) {
      return;
    }
    setAttempted(true);
    setFailure(null);
    const problems = validate(values, rules);
    const firstInvalid = (Object.keys(rules) as TField[]).find((field) => problems[field] !== undefined);
    if (firstInvalid !== undefined) {
      document.getElementById(firstInvalid)?.focus();
      return;
    }
    setSubmitting(true);
    setServerErrors({});
    submit(values)
      .catch((error: unknown) => {
        setFailure(error);
        if (isApiError(error)) {
          setServerErrors(error.fieldErrors);
          const firstServerField = (Object.keys(rules) as TField[]).find((field) => error.fieldErrors[field] !== undefined);
          if (firstServerField !== undefined) {
            document.getElementById(firstServerField)?.focus();
          }
        }
      })
      .finally(() => setSubmitting(false));
  };

  const fieldsOnly = isApiError(failure) && failure.status === 400 && failure.hasFieldErrors && !failure.fieldErrors[FORM_ERRORS_KEY];

  const setValue = (field: TField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setServerErrors((current) => {
      if (current[field] === undefined) {
        return current;
      }
      const { [field]: _cleared, ...rest } = current;
      return rest;
    });
  };

  return {
    values,
    setValue,
    errorsFor,
    field: (field) => ({
      name: field,
      value: values[field],
      onChange: (event) => setValue(field, event.target.value),
      errors: errorsFor(field),
    }),
    formError: failure === null ? null : fieldsOnly ? t('error.fixFields') : describeError(failure, t),
    submitting,
    onSubmit,
    reset: () => {
      setValues(initial);
      setAttempted(false);
      setServerErrors({});
      setFailure(null);
    },
  };
}
