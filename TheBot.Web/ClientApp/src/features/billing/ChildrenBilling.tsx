import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CreditCard, Repeat, XCircle } from 'lucide-react';
import { useState } from 'react';
import { formatDate } from '../../format/dates';
import { formatMoney } from '../../format/money';
import { useI18n } from '../../i18n/I18nContext';
import { useApi } from '../../services/ServicesContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { PagedList } from '../../ui/PagedList';
import { TextField } from '../../ui/TextField';
import { billingKey, cancelSubscription, enrollmentBillingQuery, payEnrollment, subscribeEnrollment, type EnrollmentBilling } from './billingApi';
import { BillingStatusBadge } from './BillingStatusBadge';

/** A parent's children's subjects: paid until when, and Pay / Subscribe / Cancel. Paying goes to the provider's page. */
export function ChildrenBilling() {
  const { t } = useI18n();
  const api = useApi();
  const [page, setPage] = useState(1);
  const query = useQuery(enrollmentBillingQuery(api, page));
  return (
    <section className="card" aria-labelledby="children-billing">
      <h2 id="children-billing">{t('billing.children.title')}</h2>
      <PagedList query={query} empty={t('billing.children.empty')} onPage={setPage}>
        {(items) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('billing.child')}</th>
                <th scope="col">{t('billing.subject')}</th>
                <th scope="col">{t('billing.statusColumn')}</th>
                <th scope="col">{t('billing.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <ChildSubject key={item.enrollmentId} item={item} />
              ))}
            </tbody>
          </table>
        )}
      </PagedList>
    </section>
  );
}

function ChildSubject({ item }: { item: EnrollmentBilling }) {
  const { t, language } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [weeks, setWeeks] = useState(String(item.subscription?.everyWeeks ?? item.periodWeeks));
  const refresh = () => queryClient.invalidateQueries({ queryKey: billingKey });
  // The provider's confirmation page takes over the tab; it sends the payer back to the invoice.
  const pay = useMutation({ mutationFn: () => payEnrollment(api, item.enrollmentId), onSuccess: ({ confirmationUrl }) => window.location.assign(confirmationUrl) });
  const subscribe = useMutation({
    mutationFn: () => subscribeEnrollment(api, item.enrollmentId, Number(weeks)),
    onSuccess: (result) => (result.payment ? window.location.assign(result.payment.confirmationUrl) : void refresh()),
  });
  const cancel = useMutation({ mutationFn: () => cancelSubscription(api, item.enrollmentId), onSettled: refresh });
  const busy = pay.isPending || subscribe.isPending || cancel.isPending;
  const failure = pay.error ?? subscribe.error ?? cancel.error;
  const live = item.subscription && item.subscription.status !== 'cancelled' ? item.subscription : null;
  const weeksValid = /^\d+$/.test(weeks) && Number(weeks) >= 1 && Number(weeks) <= 52;

  return (
    <tr>
      <td>{item.student.fullName}</td>
      <td>{item.subject.name}</td>
      <td>
        <BillingStatusBadge status={item.status} />
        <div className="muted">
          {item.paidUntil ? t('billing.paidUntil', { date: formatDate(item.paidUntil, language) }) : t('billing.neverPaid')}
          {item.price ? ` · ${t('billing.pricePerPeriod', { price: formatMoney(item.price.amount, item.price.currency, language), weeks: item.periodWeeks })}` : ''}
        </div>
        {live ? (
          <div className="muted">
            {t(live.status === 'pastDue' ? 'billing.subscription.pastDue' : 'billing.subscription.active', { weeks: live.everyWeeks })}
          </div>
        ) : null}
      </td>
      <td>
      <div className="actions actions--compact">
        <button type="button" className="button" disabled={busy || !item.price} onClick={() => pay.mutate()}>
          <CreditCard aria-hidden size={16} /> {pay.isPending ? t('invoice.paying') : t('billing.pay')}
        </button>
        <TextField
          name={`everyWeeks-${item.enrollmentId}`}
          label={t('billing.everyWeeks')}
          type="number"
          min={1}
          max={52}
          value={weeks}
          onChange={(event) => setWeeks(event.target.value)}
        />
        <button type="button" className="button button--secondary" disabled={busy || !weeksValid || !item.price} onClick={() => subscribe.mutate()}>
          <Repeat aria-hidden size={16} /> {live ? t('billing.subscription.change') : t('billing.subscribe')}
        </button>
        {live ? (
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => cancel.mutate()}>
            <XCircle aria-hidden size={16} /> {t('billing.subscription.cancel')}
          </button>
        ) : null}
      </div>
      <FormAlert message={failure ? describeError(failure, t) : null} />
      </td>
    </tr>
  );
}
