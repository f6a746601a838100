import type { Form } from '../../forms/useForm';
import { useI18n } from '../../i18n/I18nContext';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { todayIso } from './invoiceActions';
import { CURRENCIES, type DraftField } from './invoiceForm';

/** Amount, currency, description and due date: the part of an invoice a draft may still change. */
export function InvoiceFields({ field }: { field: Form<DraftField>['field'] }) {
  const { t } = useI18n();
  return (
    <>
      <div className="form__row">
        <TextField {...field('amount')} label={t('invoice.amount')} inputMode="decimal" required />
        <SelectField
          {...field('currency')}
          label={t('invoice.currency')}
          required
          options={CURRENCIES.map((code) => ({ value: code, label: code }))}
        />
      </div>
      <TextAreaField {...field('description')} label={t('invoice.description')} rows={3} required />
      <TextField {...field('dueDate')} type="date" label={t('invoice.dueDate')} min={todayIso()} required />
    </>
  );
}
