import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Pager } from './Pager';
import { EmptyState, ErrorState, LoadingState } from './QueryStates';

/**
 * A paged list's states, written once: loading, failed (with retry), empty, or the page's items
 * (rendered by the caller) followed by the pager.
 */
type Page = { items: unknown[]; page: number; totalPages: number };

export function PagedList<TPage extends Page>({
  query,
  empty,
  onPage,
  children,
}: {
  query: UseQueryResult<TPage>;
  empty: string;
  onPage: (page: number) => void;
  children: (items: TPage['items'], page: TPage) => ReactNode;
}) {
  if (query.isPending) {
    return <LoadingState />;
  }
  if (query.isError) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (query.data.items.length === 0) {
    return <EmptyState message={empty} />;
  }
  return (
    <>
      {children(query.data.items, query.data)}
      <Pager page={query.data.page} totalPages={query.data.totalPages} onPage={onPage} />
    </>
  );
}
