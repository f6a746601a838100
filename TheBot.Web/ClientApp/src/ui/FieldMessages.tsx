/** The hint and the error messages under a form field; their ids are what aria-describedby points at. */
export function fieldMessageIds(name: string, hint: string | undefined, errors: readonly string[] | undefined): string | undefined {
  const ids = [hint ? `${name}-hint` : null, errors?.length ? `${name}-error` : null].filter((id) => id !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldMessages({ name, hint, errors }: { name: string; hint?: string | undefined; errors?: readonly string[] | undefined }) {
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
