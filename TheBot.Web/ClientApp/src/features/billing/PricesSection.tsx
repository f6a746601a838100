import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { formatMoney, parseAmount } from '../../format/money';
import { useI18n } from '../../i18n/I18nContext';
import { useApi } from '../../services/ServicesContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { PagedList } from '../../ui/PagedList';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { billingKey, deletePrice, pricesQuery, setPrice, subjectsQuery } from './billingApi';

/** Subject prices, centre-wide or with one teacher (which wins): the list, and a form that sets one. */
export function PricesSection() {
  const { t, language } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const prices = useQuery(pricesQuery(api, page));
  const subjects = useQuery(subjectsQuery(api));
  const [subjectId, setSubjectId] = useState('');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('RUB');
  const [formError, setFormError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: billingKey });
  const save = useMutation({
    mutationFn: (price: { subjectId: string; amount: number; currency: string }) => setPrice(api, price),
    onSuccess: () => {
      setAmount('');
      void refresh();
    },
  });
  const remove = useMutation({ mutationFn: (id: string) => deletePrice(api, id), onSettled: refresh });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = parseAmount(amount);
    if (subjectId === '' || value === null || !/^[A-Z]{3}$/.test(currency)) {
      setFormError(t('billing.prices.invalid'));
      return;
    }
    setFormError(null);
    save.mutate({ subjectId, amount: value, currency });
  };

  return (
    <section className="card" aria-labelledby="billing-prices">
      <h2 id="billing-prices">{t('billing.prices.title')}</h2>
      <form className="toolbar" onSubmit={submit} noValidate>
        <SelectField
          name="priceSubject"
          label={t('billing.subject')}
          placeholder={t('billing.prices.chooseSubject')}
          options={(subjects.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={subjectId}
          onChange={(event) => setSubjectId(event.target.value)}
        />
        <TextField name="priceAmount" label={t('billing.prices.amount')} inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} />
        <TextField name="priceCurrency" label={t('billing.prices.currency')} maxLength={3} value={currency} onChange={(event) => setCurrency(event.target.value.toUpperCase())} />
        <button type="submit" className="button" disabled={save.isPending}>
          {t('billing.prices.save')}
        </button>
      </form>
      <FormAlert message={formError ?? (save.error ? describeError(save.error, t) : null) ?? (remove.error ? describeError(remove.error, t) : null)} />
      <PagedList query={prices} empty={t('billing.prices.empty')} onPage={setPage}>
        {(items) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('billing.subject')}</th>
                <th scope="col">{t('billing.teacher')}</th>
                <th scope="col">{t('billing.prices.amount')}</th>
                <th scope="col">{t('billing.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((price) => (
                <tr key={price.id}>
                  <td>{price.subject.name}</td>
                  <td>{price.teacher?.fullName ?? t('billing.prices.anyTeacher')}</td>
                  <td>{formatMoney(price.amount, price.currency, language)}</td>
                  <td>
                    <button type="button" className="button button--secondary" disabled={remove.isPending} onClick={() => remove.mutate(price.id)}>
                      <Trash2 aria-hidden size={16} /> {t('billing.prices.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedList>
    </section>
  );
}
