import type { ReactNode } from 'react';

/** One term of a details list (`<dl>`), left out when it has no value. */
export function Detail({ term, className, children }: { term: string; className?: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '' || children === false) {
    return null;
  }
  return (
    <>
      <dt>{term}</dt>
      <dd className={className}>{children}</dd>
    </>
  );
}
