import { useEffect, useId, useRef, useState } from 'react';

export interface RowAction {
  label: string;
  onSelect: () => void;
  /** Ends or removes something: listed last, set apart, in the danger colour; ask first (ConfirmDialog). */
  destructive?: boolean;
  disabled?: boolean;
}

/**
 * A row's actions behind one quiet "⋯" button, so that a long list shows its content rather than rows of buttons.
 * The button opens a short list of actions (a disclosure: Tab moves through them, Escape or a click elsewhere closes it);
 * destructive ones come last and apart.
 */
export function RowMenu({ label, actions }: { label: string; actions: readonly RowAction[] }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const ordered = [...actions.filter((action) => !action.destructive), ...actions.filter((action) => action.destructive)];

  useEffect(() => {
    if (!open) {
      return undefined;
    }
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        toggle.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (ordered.length === 0) {
    return null;
  }
  return (
    <div className="row-menu" ref={root}>
      <button
        ref={toggle}
        type="button"
        className="button button--secondary button--small row-menu__toggle"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open ? (
        <ul className="row-menu__list" id={listId}>
          {ordered.map((action) => (
            <li key={action.label} className={action.destructive ? 'row-menu__danger' : undefined}>
              <button
                type="button"
                className="row-menu__item"
                disabled={action.disabled}
                onClick={() => {
                  setOpen(false);
                  action.onSelect();
                }}
              >
                {action.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
