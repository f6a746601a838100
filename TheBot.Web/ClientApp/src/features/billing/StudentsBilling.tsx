import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { formatDate } from '../../format/dates';
import { formatMoney, parseAmount } from '../../format/money';
import { useI18n } from '../../i18n/I18nContext';
import { useApi } from '../../services/ServicesContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { PagedList } from '../../ui/PagedList';
import { TextField } from '../../ui/TextField';
import { billingKey, enrollmentBillingQuery, removePriceOverride, setPriceOverride, type EnrollmentBilling } from './billingApi';
import { BillingStatusBadge } from './BillingStatusBadge';

/** A tutor's students' enrollments: status, paid-until, price and its source; a per-enrollment price with a reason. */
export function StudentsBilling({ canOverride }: { canOverride: boolean }) {
  const { t } = useI18n();
  const api = useApi();
  const [page, setPage] = useState(1);
  const query = useQuery(enrollmentBillingQuery(api, page));
  return (
    <section className="card" aria-labelledby="students-billing">
      <h2 id="students-billing">{t('billing.students.title')}</h2>
      <PagedList query={query} empty={t('billing.students.empty')} onPage={setPage}>
        {(items) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('billing.student')}</th>
                <th scope="col">{t('billing.subject')}</th>
                <th scope="col">{t('billing.statusColumn')}</th>
                <th scope="col">{t('billing.price')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <StudentRow key={item.enrollmentId} item={item} canOverride={canOverride} />
              ))}
            </tbody>
          </table>
        )}
      </PagedList>
    </section>
  );
}

function StudentRow({ item, canOverride }: { item: EnrollmentBilling; canOverride: boolean }) {
  const { t, language } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: billingKey });
  const save = useMutation({
    mutationFn: (value: { amount: number; currency: string; reason: string }) => setPriceOverride(api, item.enrollmentId, value),
    onSuccess: () => {
      setEditing(false);
      void refresh();
    },
  });
  const remove = useMutation({ mutationFn: () => removePriceOverride(api, item.enrollmentId), onSettled: refresh });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = parseAmount(amount);
    if (value === null || reason.trim().length < 3) {
      setFormError(t('billing.override.invalid'));
      return;
    }
    setFormError(null);
    save.mutate({ amount: value, currency: item.price?.currency ?? 'RUB', reason: reason.trim() });
  };

  return (
    <tr>
      <td>{item.student.fullName}</td>
      <td>
        {item.subject.name}
        <div className="muted">{item.teacher.fullName}</div>
      </td>
      <td>
        <BillingStatusBadge status={item.status} />
        <div className="muted">{item.paidUntil ? t('billing.paidUntil', { date: formatDate(item.paidUntil, language) }) : t('billing.neverPaid')}</div>
        {item.subscription && item.subscription.status !== 'cancelled' ? (
          <div className="muted">{t(item.subscription.status === 'pastDue' ? 'billing.subscription.pastDue' : 'billing.subscription.active', { weeks: item.subscription.everyWeeks })}</div>
        ) : null}
      </td>
      <td>
        {item.price ? `${formatMoney(item.price.amount, item.price.currency, language)} · ${t(`billing.source.${item.price.source}`)}` : t('billing.noPrice')}
        {item.override ? <div className="muted">{item.override.reason}</div> : null}
        {canOverride ? (
          editing ? (
            <form onSubmit={submit} noValidate>
              <TextField name={`overrideAmount-${item.enrollmentId}`} label={t('billing.prices.amount')} inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} />
              <TextField name={`overrideReason-${item.enrollmentId}`} label={t('billing.override.reason')} value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
              <div className="actions">
                <button type="submit" className="button" disabled={save.isPending}>
                  {t('billing.prices.save')}
                </button>
                <button type="button" className="button button--secondary" onClick={() => setEditing(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </form>
          ) : (
            <div className="actions">
              <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
                {t('billing.override.set')}
              </button>
              {item.override ? (
                <button type="button" className="button button--secondary" disabled={remove.isPending} onClick={() => remove.mutate()}>
                  {t('billing.override.remove')}
                </button>
              ) : null}
            </div>
          )
        ) : null}
        <FormAlert message={formError ?? (save.error ? describeError(save.error, t) : null) ?? (remove.error ? describeError(remove.error, t) : null)} />
      </td>
    </tr>
  );
}
