import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, isApiError } from '../../api/ApiError';
import { useForm } from '../../forms/useForm';
import { minLength, required, type Validator } from '../../forms/validation';
import { useI18n } from '../../i18n/I18nContext';
import { useApi } from '../../services/ServicesContext';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeading } from '../../ui/PageHeading';
import { TextField } from '../../ui/TextField';
import { confirmPasswordReset } from './passwordResetApi';

const matchesNewPassword: Validator = (value, values) => (value === values.newPassword ? null : { key: 'changePassword.mismatch' });
const rules = {
  newPassword: [required, minLength(8)],
  confirmPassword: [required, matchesNewPassword],
};

/** Public: the page the reset e-mail links to (`/reset-password?token=…`); sets the new password once. */
export function ResetPasswordPage() {
  const { t } = useI18n();
  const api = useApi();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [done, setDone] = useState(false);
  const form = useForm({ newPassword: '', confirmPassword: '' }, rules, async (values) => {
    try {
      await confirmPasswordReset(api, token, values.newPassword);
    } catch (error) {
      // A dead link is not a field error: say so in the reader's language and offer a new one.
      if (isApiError(error) && !error.hasFieldErrors && (error.status === 400 || error.status === 410)) {
        const key = error.status === 410 ? 'resetPassword.expired' : 'resetPassword.invalid';
        throw new ApiError(error.status, { ...error.problem, detail: t(key) });
      }
      throw error;
    }
    setDone(true);
  });

  return (
    <section className="card card--narrow">
      <PageHeading title={t('resetPassword.title')}>{t('resetPassword.title')}</PageHeading>
      {done ? (
        <>
          <FormAlert tone="success" message={t('resetPassword.done')} />
          <p className="card__footer">
            <Link to="/sign-in">{t('nav.signIn')}</Link>
          </p>
        </>
      ) : token === '' ? (
        <>
          <FormAlert message={t('resetPassword.invalid')} />
          <p className="card__footer">
            <Link to="/forgot-password">{t('resetPassword.askAgain')}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t('resetPassword.intro')}</p>
          <form className="form" noValidate onSubmit={form.onSubmit}>
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
            <button type="submit" className="button" disabled={form.submitting}>
              {form.submitting ? t('changePassword.submitting') : t('resetPassword.submit')}
            </button>
          </form>
          <p className="card__footer">
            <Link to="/forgot-password">{t('resetPassword.askAgain')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
