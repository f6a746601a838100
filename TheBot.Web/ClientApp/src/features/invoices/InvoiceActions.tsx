import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../services/ServicesContext';
import type { Role } from '../../auth/types';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { availableActions } from './invoiceActions';
import { cancelInvoice, invoicesKey, markInvoiceViewed, payInvoice, sendInvoice, type Invoice } from './invoicesApi';
import { describePaymentError } from './paymentProblems';

/** The buttons this person may press for this invoice, and what each one does. */
export function InvoiceActions({ invoice, role, onEdit }: { invoice: Invoice; role: Role; onEdit: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: invoicesKey });
  const send = useMutation({ mutationFn: () => sendInvoice(api, invoice.id), onSettled: refresh });
  const cancel = useMutation({ mutationFn: (reason: string) => cancelInvoice(api, invoice.id, reason), onSettled: refresh });
  const viewed = useMutation({ mutationFn: () => markInvoiceViewed(api, invoice.id), onSettled: refresh });
  // The provider's confirmation page takes over the tab; it sends the payer back to this invoice.
  const pay = useMutation({
    mutationFn: () => payInvoice(api, invoice.id),
    onSuccess: ({ confirmationUrl }) => window.location.assign(confirmationUrl),
  });
  const actions = availableActions(invoice.status, role);
  const failure = send.error ?? cancel.error ?? viewed.error ?? pay.error;
  const busy = send.isPending || cancel.isPending || viewed.isPending || pay.isPending;

  if (actions.length === 0) {
    return null;
  }

  const onCancel = () => {
    const reason = window.prompt(t('invoice.cancelReason'));
    if (reason !== null) {
      cancel.mutate(reason.trim());
    }
  };

  return (
    <div>
      <div className="actions">
        {actions.includes('pay') ? (
          <button type="button" className="button" disabled={busy} onClick={() => pay.mutate()}>
            {pay.isPending ? t('invoice.paying') : t('invoice.pay')}
          </button>
        ) : null}
        {actions.includes('markViewed') ? (
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => viewed.mutate()}>
            {t('invoice.markViewed')}
          </button>
        ) : null}
        {actions.includes('send') ? (
          <button type="button" className="button" disabled={busy} onClick={() => send.mutate()}>
            {send.isPending ? t('invoice.sending') : t('invoice.send')}
          </button>
        ) : null}
        {actions.includes('edit') ? (
          <button type="button" className="button button--secondary" disabled={busy} onClick={onEdit}>
            {t('invoice.edit')}
          </button>
        ) : null}
        {actions.includes('cancel') ? (
          <button type="button" className="button button--danger" disabled={busy} onClick={onCancel}>
            {t('invoice.cancel')}
          </button>
        ) : null}
      </div>
      <FormAlert message={failure ? (failure === pay.error ? describePaymentError(failure, t) : describeError(failure, t)) : null} />
    </div>
  );
}
