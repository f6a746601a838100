import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useForm } from '../../forms/useForm';
import { minLength, required, type Validator } from '../../forms/validation';
import { useI18n } from '../../i18n/I18nContext';
import { FormAlert } from '../../ui/FormAlert';
import { TextField } from '../../ui/TextField';
import { changePassword } from './profileApi';

const initial = { currentPassword: '', newPassword: '', confirmPassword: '' };
const matchesNewPassword: Validator = (value, values) => (value === values.newPassword ? null : { key: 'changePassword.mismatch' });
const rules = {
  currentPassword: [required],
  newPassword: [required, minLength(8)],
  confirmPassword: [required, matchesNewPassword],
};

export function ChangePasswordForm() {
  const { t } = useI18n();
  const api = useApi();
  const [done, setDone] = useState(false);
  const form = useForm(
    initial,
    rules,
    async (values) => {
      setDone(false);
      await changePassword(api, values.currentPassword, values.newPassword);
      form.reset();
      setDone(true);
    },
  );

  return (
    <section className="panel" aria-labelledby="change-password-title">
      <h2 id="change-password-title">{t('changePassword.title')}</h2>
      <p className="muted">{t('changePassword.intro')}</p>
      <form className="form" noValidate onSubmit={form.onSubmit}>
        <TextField
          {...form.field('currentPassword')}
          type="password"
          label={t('changePassword.current')}
          autoComplete="current-password"
          required
        />
        <TextField
          {...form.field('newPassword')}
          type="password"
          label={t('changePassword.new')}
          hint={t('changePassword.newHint')}
          autoComplete="new-password"
          required
        />
        <TextField
          {...form.field('confirmPassword')}
          type="password"
          label={t('changePassword.confirm')}
          autoComplete="new-password"
          required
        />
        <FormAlert message={form.formError} />
        {done ? <FormAlert tone="success" message={t('changePassword.done')} /> : null}
        <button type="submit" className="button" disabled={form.submitting}>
          {form.submitting ? t('changePassword.submitting') : t('changePassword.submit')}
        </button>
      </form>
    </section>
  );
}
