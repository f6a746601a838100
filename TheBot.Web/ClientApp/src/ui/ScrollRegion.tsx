import type { ReactNode } from 'react';

type Name = { label: string; labelledBy?: never } | { label?: never; labelledBy: string };

/**
 * A box that scrolls sideways when its content (a wide table) does not fit, as on phones. Keyboard users can reach and
 * scroll it (it takes focus) and screen readers announce it as a named region — what axe's `scrollable-region-focusable`
 * asks of every scrolling area. Name it by what it holds: `label`, or `labelledBy` a heading's id.
 */
export function ScrollRegion({ children, ...name }: Name & { children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={name.label} aria-labelledby={name.labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
