import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { ROLES, type Role } from '../../auth/types';
import { useForm } from '../../forms/useForm';
import { email, maxLength, minLength, phone, required } from '../../forms/validation';
import { useI18n } from '../../i18n/I18nContext';
import { FormAlert } from '../../ui/FormAlert';
import { FormActions } from '../../ui/FormActions';
import { OneTimeSecret } from '../../ui/OneTimeSecret';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { createUser, usersKey } from './usersApi';

const rules = {
  email: [required, email, maxLength(254)],
  fullName: [required, maxLength(200)],
  role: [required],
  phone: [phone],
  password: [minLength(8), maxLength(128)],
};

/** Adds an account; without a password the server makes a one-time one, shown here once. */
export function CreateUserForm({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<{ email: string; password: string | null } | null>(null);
  const form = useForm({ email: '', fullName: '', role: '', phone: '', password: '' }, rules, async (values) => {
    const result = await createUser(api, {
      email: values.email.trim(),
      fullName: values.fullName.trim(),
      role: values.role as Role,
      phone: values.phone.trim() === '' ? null : values.phone.trim(),
      password: values.password === '' ? null : values.password,
    });
    setCreated({ email: result.user.email, password: result.initialPassword });
    form.reset();
    await queryClient.invalidateQueries({ queryKey: usersKey });
  });

  return (
    <section className="panel" aria-labelledby="new-user-title">
      <h2 id="new-user-title">{t('users.new')}</h2>
      {created ? (
        <>
          <p className="alert alert--success" role="status">
            {t('users.created', { email: created.email })}
          </p>
          {created.password ? <OneTimeSecret label={t('users.initialPassword')} value={created.password} /> : null}
        </>
      ) : null}
      <form className="form" noValidate onSubmit={form.onSubmit}>
        <TextField {...form.field('email')} type="email" label={t('users.email')} required autoComplete="off" />
        <TextField {...form.field('fullName')} label={t('users.fullName')} required autoComplete="off" />
        <SelectField {...form.field('role')} label={t('users.role')} required placeholder={t('common.choose')}
          options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
        <TextField {...form.field('phone')} type="tel" label={t('users.phone')} />
        <TextField {...form.field('password')} type="password" label={t('users.password')} hint={t('users.passwordHint')}
          autoComplete="new-password" />
        <FormAlert message={form.formError} />
        <FormActions
          submitLabel={t('users.create')}
          busy={form.submitting}
          busyLabel={t('common.saving')}
          dismiss={{ label: t('common.close'), onClick: onClose }}
        />
      </form>
    </section>
  );
}
