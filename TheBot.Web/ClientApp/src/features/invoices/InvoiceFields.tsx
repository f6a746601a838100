import type { Form } from '../../forms/useForm';
import { useI18n } from '../../i18n/I18nContext';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { todayIso } from './invoiceActions';
import { CURRENCIES, type DraftField } from './invoiceForm';

/** Amount, currency, description and due date: the part of an invoice a draft may still change. */
export function InvoiceFields<TField extends DraftField>({ form }: { form: Form<TField> }) {
  const { t } = useI18n();
  const f = form as unknown as Form<DraftField>;
  return (
    <>
      <div className="form__row">
        <TextField
          name="amount"
          label={t('invoice.amount')}
          inputMode="decimal"
          required
          value={f.values.amount}
          onChange={(event) => f.setValue('amount', event.target.value)}
          errors={f.errorsFor('amount')}
        />
        <SelectField
          name="currency"
          label={t('invoice.currency')}
          required
          options={CURRENCIES.map((code) => ({ value: code, label: code }))}
          value={f.values.currency}
          onChange={(event) => f.setValue('currency', event.target.value)}
          errors={f.errorsFor('currency')}
        />
      </div>
      <TextAreaField
        name="description"
        label={t('invoice.description')}
        rows={3}
        required
        value={f.values.description}
        onChange={(event) => f.setValue('description', event.target.value)}
        errors={f.errorsFor('description')}
      />
      <TextField
        name="dueDate"
        type="date"
        label={t('invoice.dueDate')}
        min={todayIso()}
        required
        value={f.values.dueDate}
        onChange={(event) => f.setValue('dueDate', event.target.value)}
        errors={f.errorsFor('dueDate')}
      />
    </>
  );
}
