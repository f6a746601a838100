export interface FormActionsProps {
  submitLabel: string;
  /** The form is being sent: the submit button is off and shows `busyLabel` (when given). */
  busy: boolean;
  busyLabel?: string | undefined;
  /** Another reason the submit button is off (nothing to send yet). */
  disabled?: boolean | undefined;
  /** The button that closes the form without sending (Cancel, Close), where there is one. */
  dismiss?: { label: string; onClick: () => void } | undefined;
  small?: boolean | undefined;
}

/** A form's buttons: send, and (where the form can be closed) the secondary button that closes it. */
export function FormActions({ submitLabel, busy, busyLabel, disabled = false, dismiss, small = false }: FormActionsProps) {
  const size = small ? ' button--small' : '';
  return (
    <div className="actions">
      <button type="submit" className={`button${size}`} disabled={busy || disabled}>
        {busy && busyLabel !== undefined ? busyLabel : submitLabel}
      </button>
      {dismiss !== undefined ? (
        <button type="button" className={`button button--secondary${size}`} onClick={dismiss.onClick}>
          {dismiss.label}
        </button>
      ) : null}
    </div>
  );
}
