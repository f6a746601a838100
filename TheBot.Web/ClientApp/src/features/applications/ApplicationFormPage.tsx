import { Link, useNavigate } from 'react-router';
import { useApi } from '../../services/ServicesContext';
import { useForm } from '../../forms/useForm';
import { useI18n } from '../../i18n/I18nContext';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeading } from '../../ui/PageHeading';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { applicationRules, emptyApplication } from './applicationForm';
import { APPLICABLE_ROLES, submitApplication, type ApplicableRole } from './applicationsApi';

/** The public sign-up form. On success it opens the application's status page (its link is the token). */
export function ApplicationFormPage() {
  const { t, language } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const form = useForm(emptyApplication, applicationRules, async (values) => {
    const student = values.desiredRole === 'student';
    const parentFullName = student ? values.parentFullName.trim() : '';
    const parentEmail = student ? values.parentEmail.trim() : '';
    const { trackingToken } = await submitApplication(api, {
      fullName: values.fullName.trim(),
      email: values.email.trim(),
      // The server's phone check refuses an empty string; no phone is null.
      phone: values.phone.trim() === '' ? null : values.phone.trim(),
      desiredRole: values.desiredRole as ApplicableRole,
      message: values.message.trim(),
      parentFullName: parentFullName === '' ? null : parentFullName,
      parentEmail: parentEmail === '' ? null : parentEmail,
      language,
    });
    void navigate(`/applications/${encodeURIComponent(trackingToken)}`, { state: { justSubmitted: true } });
  });

  return (
    <section className="card card--narrow">
      <PageHeading title={t('apply.title')}>{t('apply.title')}</PageHeading>
      <p className="lead">{t('apply.intro')}</p>
      <form className="form" noValidate onSubmit={form.onSubmit}>
        <TextField {...form.field('fullName')} label={t('apply.fullName')} autoComplete="name" required />
        <TextField {...form.field('email')} type="email" label={t('apply.email')} autoComplete="email" required />
        <TextField {...form.field('phone')} type="tel" label={t('apply.phone')} hint={t('apply.phoneHint')} autoComplete="tel" />
        <SelectField
          {...form.field('desiredRole')}
          label={t('apply.desiredRole')}
          required
          placeholder={t('apply.chooseRole')}
          options={APPLICABLE_ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
        />
        {form.values.desiredRole === 'student' ? (
          <fieldset className="fieldset">
            <legend>{t('apply.parent')}</legend>
            <p className="field__hint">{t('apply.parentHint')}</p>
            <TextField {...form.field('parentFullName')} label={t('apply.parentFullName')} autoComplete="off" />
            <TextField {...form.field('parentEmail')} type="email" label={t('apply.parentEmail')} autoComplete="off" />
          </fieldset>
        ) : null}
        <TextAreaField {...form.field('message')} label={t('apply.message')} hint={t('apply.messageHint')} rows={4} />
        <FormAlert message={form.formError} />
        <button type="submit" className="button" disabled={form.submitting}>
          {form.submitting ? t('apply.submitting') : t('apply.submit')}
        </button>
      </form>
      <p className="card__footer">
        {t('apply.haveAccount')} <Link to="/sign-in">{t('signIn.submit')}</Link>
      </p>
    </section>
  );
}
