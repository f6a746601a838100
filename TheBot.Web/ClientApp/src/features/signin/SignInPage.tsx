import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, isApiError } from '../../api/ApiError';
import { useAuth } from '../../auth/useAuth';
import { useForm } from '../../forms/useForm';
import { email, required } from '../../forms/validation';
import { useI18n } from '../../i18n/I18nContext';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeading } from '../../ui/PageHeading';
import { TextField } from '../../ui/TextField';

const rules = { email: [required, email], password: [required] } as const;
const initial = { email: '', password: '' };

/** Where the user returns after signing in: the page that sent them here, if it was one of ours. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/dashboard';
}

export function SignInPage() {
  const { t } = useI18n();
  const { state, signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const target = returnPath(location.state);
  const form = useForm(initial, rules, async (values) => {
    try {
      await signIn(values.email.trim(), values.password);
    } catch (error) {
      // One message for a wrong email and a wrong password alike: the API never says which.
      if (isApiError(error) && error.status === 401) {
        throw new ApiError(401, { ...error.problem, detail: t('signIn.invalidCredentials') });
      }
      throw error;
    }
    void navigate(target, { replace: true });
  });

  if (state.status === 'authenticated') {
    return <Navigate to={target} replace />;
  }

  return (
    <section className="card card--narrow">
      <PageHeading title={t('signIn.title')}>{t('signIn.title')}</PageHeading>
      <p className="lead">{t('signIn.intro')}</p>
      <form className="form" noValidate onSubmit={form.onSubmit}>
        <TextField {...form.field('email')} type="email" label={t('signIn.email')} autoComplete="username" required />
        <TextField {...form.field('password')} type="password" label={t('signIn.password')} autoComplete="current-password" required />
        <FormAlert message={form.formError} />
        <button type="submit" className="button" disabled={form.submitting}>
          {form.submitting ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
      <p className="card__footer">
        <Link to="/forgot-password">{t('signIn.forgotPassword')}</Link>
      </p>
      <p className="card__footer">
        {t('signIn.noAccount')} <Link to="/apply">{t('signIn.apply')}</Link>
      </p>
    </section>
  );
}
