import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../../services/ServicesContext';
import { useForm } from '../../forms/useForm';
import { maxLength, minLength, required, type ValidationRules } from '../../forms/validation';
import { useI18n } from '../../i18n/I18nContext';
import { FormAlert } from '../../ui/FormAlert';
import { FormActions } from '../../ui/FormActions';
import { PageHeading } from '../../ui/PageHeading';
import { TextField } from '../../ui/TextField';
import { redeemInvitation } from './familyApi';

type Field = 'code' | 'fullName' | 'password';

const rules: ValidationRules<Field> = {
  code: [required, maxLength(100)],
  fullName: [maxLength(200)],
  password: [required, minLength(8), maxLength(128)],
};

/** Public: a new parent opens the link their child's tutor gave them and makes their account. */
export function RedeemInvitationPage() {
  const { t } = useI18n();
  const api = useApi();
  const [params] = useSearchParams();
  const [email, setEmail] = useState<string | null>(null);
  const form = useForm({ code: params.get('code') ?? '', fullName: '', password: '' }, rules, async (values) => {
    const result = await redeemInvitation(api, {
      code: values.code.trim(),
      fullName: values.fullName.trim() === '' ? null : values.fullName.trim(),
      password: values.password,
    });
    setEmail(result.email);
  });

  return (
    <section className="card card--narrow">
      <PageHeading title={t('invitation.title')}>{t('invitation.title')}</PageHeading>
      {email ? (
        <>
          <FormAlert tone="success" message={t('invitation.done', { email })} />
          <p className="card__footer">
            <Link to="/sign-in">{t('nav.signIn')}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t('invitation.intro')}</p>
          <form className="form" noValidate onSubmit={form.onSubmit}>
            <TextField {...form.field('code')} label={t('invitation.code')} required autoComplete="off" />
            <TextField
              {...form.field('fullName')}
              label={t('invitation.fullName')}
              hint={t('invitation.fullNameHint')}
              autoComplete="name"
            />
            <TextField
              {...form.field('password')}
              type="password"
              label={t('invitation.password')}
              hint={t('invitation.passwordHint')}
              autoComplete="new-password"
              required
            />
            <FormAlert message={form.formError} />
            <FormActions submitLabel={t('invitation.submit')} busy={form.submitting} busyLabel={t('common.saving')} />
          </form>
          <p className="card__footer">{t('invitation.haveAccount')} <Link to="/sign-in">{t('nav.signIn')}</Link></p>
        </>
      )}
    </section>
  );
}
