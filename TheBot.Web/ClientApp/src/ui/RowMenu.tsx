import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface RowAction {
  label: string;
  /** A small icon before the label (lucide-react, aria-hidden). */
  icon?: ReactNode;
  onSelect: () => void;
  /** Ends or removes something: listed last, set apart, in the danger colour; ask first (ConfirmDialog). */
  destructive?: boolean;
  disabled?: boolean;
}

/**
 * A row's actions behind one quiet "⋯" button, so that a long list shows its content rather than rows of buttons.
 * The button opens a short list of actions (a disclosure: Tab moves through them, Escape or a click elsewhere closes it);
 * destructive ones come last and apart. `open`/`onOpenChange` let the row open it another way too (a chat message
 * opens its menu on a long press); `className` places it.
 */
export function RowMenu({
  label,
  actions,
  open: openProp,
  onOpenChange,
  className,
}: {
  label: string;
  actions: readonly RowAction[];
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  className?: string;
}) {
  const [openState, setOpenState] = useState(false);
  const controlled = openProp !== undefined;
  const open = openProp ?? openState;
  const change = useRef<(next: boolean) => void>(() => undefined);
  change.current = (next: boolean) => {
    if (!controlled) {
      setOpenState(next);
    }
    onOpenChange?.(next);
  };
  const setOpen = (next: boolean) => change.current(next);
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
        change.current(false);
      }
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        change.current(false);
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
    <div className={className === undefined ? 'row-menu' : `row-menu ${className}`} ref={root} data-open={open ? 'true' : 'false'}>
      <button
        ref={toggle}
        type="button"
        className="button button--secondary button--small row-menu__toggle"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
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
                {action.icon}
                {action.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
