import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, isApiError } from '../../api/ApiError';
import { useForm } from '../../forms/useForm';
import { email, required } from '../../forms/validation';
import { useI18n } from '../../i18n/I18nContext';
import { useApi } from '../../services/ServicesContext';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeading } from '../../ui/PageHeading';
import { TextField } from '../../ui/TextField';
import { requestPasswordReset } from './passwordResetApi';

const rules = { email: [required, email] } as const;

/** Public: asks for a password reset link by e-mail. Says the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  const api = useApi();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({ email: '' }, rules, async (values) => {
    try {
      await requestPasswordReset(api, values.email.trim());
    } catch (error) {
      if (isApiError(error) && error.status === 429) {
        throw new ApiError(429, { ...error.problem, detail: t('forgotPassword.tooMany') }, error.retryAfterSeconds);
      }
      throw error;
    }
    setSentTo(values.email.trim());
  });

  return (
    <section className="card card--narrow">
      <PageHeading title={t('forgotPassword.title')}>{t('forgotPassword.title')}</PageHeading>
      {sentTo ? (
        <FormAlert tone="success" message={t('forgotPassword.sent', { email: sentTo })} />
      ) : (
        <>
          <p className="lead">{t('forgotPassword.intro')}</p>
          <form className="form" noValidate onSubmit={form.onSubmit}>
            <TextField {...form.field('email')} type="email" label={t('signIn.email')} autoComplete="email" required />
            <FormAlert message={form.formError} />
            <button type="submit" className="button" disabled={form.submitting}>
              {form.submitting ? t('forgotPassword.submitting') : t('forgotPassword.submit')}
            </button>
          </form>
        </>
      )}
      <p className="card__footer">
        <Link to="/sign-in">{t('forgotPassword.backToSignIn')}</Link>
      </p>
    </section>
  );
}
