import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../services/ServicesContext';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import { InvoiceActions } from './InvoiceActions';
import { InvoiceDetails } from './InvoiceDetails';
import { InvoiceEditForm } from './InvoiceEditForm';
import { InvoiceHistory } from './InvoiceHistory';
import { invoiceQuery, invoicesKey, markInvoiceViewed } from './invoicesApi';

/**
 * One invoice. The parent opening a sent invoice marks it viewed; the payment provider sends the payer
 * back here, and the status follows the `invoiceChanged` event live.
 */
export function InvoiceDetailPage() {
  const { t } = useI18n();
  const api = useApi();
  const { user } = useAuth();
  const { invoiceId = '' } = useParams();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const query = useQuery(invoiceQuery(api, invoiceId));
  const markViewed = useMutation({
    mutationFn: () => markInvoiceViewed(api, invoiceId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: invoicesKey }),
  });
  const markedOnce = useRef(false);
  const role = user?.role ?? 'parent';

  useEffect(() => {
    if (role === 'parent' && query.data?.status === 'sent' && !markedOnce.current) {
      markedOnce.current = true;
      markViewed.mutate();
    }
  }, [role, query.data?.status, markViewed]);

  const title = query.data ? t('invoice.title', { number: query.data.displayNumber }) : t('invoices.title');
  return (
    <section className="page">
      <p>
        <Link to="/invoices">{t('invoice.back')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? (
        <>
          <div className="panel">
            <InvoiceDetails invoice={query.data} />
            {editing && query.data.status === 'draft' ? null : (
              <InvoiceActions invoice={query.data} role={role} onEdit={() => setEditing(true)} />
            )}
          </div>
          {editing && query.data.status === 'draft' ? <InvoiceEditForm invoice={query.data} onDone={() => setEditing(false)} /> : null}
          <InvoiceHistory invoiceId={invoiceId} />
        </>
      ) : null}
    </section>
  );
}
