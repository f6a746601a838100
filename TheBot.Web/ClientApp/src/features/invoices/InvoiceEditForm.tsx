import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../services/ServicesContext';
import { amountInputValue, parseAmount } from '../../format/money';
import { useForm } from '../../forms/useForm';
import { useI18n } from '../../i18n/I18nContext';
import { FormAlert } from '../../ui/FormAlert';
import { FormActions } from '../../ui/FormActions';
import { InvoiceFields } from './InvoiceFields';
import { draftRules } from './invoiceForm';
import { invoicesKey, updateInvoice, type Invoice } from './invoicesApi';

/** Changes a draft's amount, currency, description or due date. */
export function InvoiceEditForm({ invoice, onDone }: { invoice: Invoice; onDone: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const form = useForm(
    { amount: amountInputValue(invoice.amount), currency: invoice.currency, description: invoice.description, dueDate: invoice.dueDate },
    draftRules,
    async (values) => {
      await updateInvoice(api, invoice.id, {
        amount: parseAmount(values.amount) ?? invoice.amount,
        currency: values.currency,
        description: values.description.trim(),
        dueDate: values.dueDate,
      });
      await queryClient.invalidateQueries({ queryKey: invoicesKey });
      onDone();
    },
  );

  return (
    <section className="panel" aria-labelledby="edit-invoice-title">
      <h2 id="edit-invoice-title">{t('invoice.editTitle')}</h2>
      <form className="form" noValidate onSubmit={form.onSubmit}>
        <InvoiceFields field={form.field} />
        <FormAlert message={form.formError} />
        <FormActions
          submitLabel={t('common.save')}
          busy={form.submitting}
          busyLabel={t('common.saving')}
          dismiss={{ label: t('common.cancel'), onClick: onDone }}
        />
      </form>
    </section>
  );
}
