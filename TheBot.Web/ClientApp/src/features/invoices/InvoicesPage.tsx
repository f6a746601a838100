import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { PagedList } from '../../ui/PagedList';
import { SelectField } from '../../ui/SelectField';
import { InvoiceOverview } from './InvoiceOverview';
import { INVOICE_STATUSES, invoiceListQuery } from './invoicesApi';
import { InvoiceTable } from './InvoiceTable';
import { NewInvoiceForm } from './NewInvoiceForm';

/** Tutors bill parents here; parents see what they were billed; admins see everything. Statuses update live. */
export function InvoicesPage() {
  const { t } = useI18n();
  const api = useApi();
  const { user } = useAuth();
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const query = useQuery(invoiceListQuery(api, { status, page }));
  const role = user?.role ?? 'parent';

  return (
    <section className="page">
      <PageHeading title={t('invoices.title')}>{t('invoices.title')}</PageHeading>
      {role === 'tutor' || role === 'admin' ? <InvoiceOverview /> : null}
      {role === 'tutor' ? (
        creating ? (
          <NewInvoiceForm onCancel={() => setCreating(false)} />
        ) : (
          <div className="actions">
            <button type="button" className="button" onClick={() => setCreating(true)}>
              {t('invoices.new')}
            </button>
          </div>
        )
      ) : null}
      <div className="toolbar">
        <SelectField
          name="invoiceStatusFilter"
          label={t('invoices.filterStatus')}
          placeholder={t('common.all')}
          options={INVOICE_STATUSES.map((value) => ({ value, label: t(`invoice.status.${value}`) }))}
          value={status}
          onChange={(event) => {
            setStatus(event.target.value);
            setPage(1);
          }}
        />
      </div>
      <PagedList query={query} empty={t('invoices.empty')} onPage={setPage}>
        {(items) => <InvoiceTable invoices={items} role={role} />}
      </PagedList>
    </section>
  );
}
