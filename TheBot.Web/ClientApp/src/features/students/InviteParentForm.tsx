import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useForm } from '../../forms/useForm';
import { email, maxLength, phone, required, type ValidationRules } from '../../forms/validation';
import { useI18n } from '../../i18n/I18nContext';
import { FormAlert } from '../../ui/FormAlert';
import { FormActions } from '../../ui/FormActions';
import { TextField } from '../../ui/TextField';
import { IssuedInvitationNotice } from './IssuedInvitationNotice';
import { inviteParent, studentsKey, type IssuedInvitation } from './studentsApi';

type Field = 'email' | 'fullName' | 'phone';

const rules: ValidationRules<Field> = {
  email: [required, email, maxLength(254)],
  fullName: [maxLength(200)],
  phone: [phone],
};

/** Invites a parent for a student already on the list (another parent, or again after a lost or expired link). */
export function InviteParentForm({ studentId, onClose }: { studentId: string; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [issued, setIssued] = useState<IssuedInvitation | null>(null);
  const form = useForm({ email: '', fullName: '', phone: '' }, rules, async (values) => {
    setIssued(
      await inviteParent(api, studentId, {
        email: values.email.trim(),
        fullName: values.fullName.trim() === '' ? null : values.fullName.trim(),
        phone: values.phone.trim() === '' ? null : values.phone.trim(),
      }),
    );
    form.reset();
    await queryClient.invalidateQueries({ queryKey: studentsKey });
  });

  return (
    <div className="panel">
      {issued ? <IssuedInvitationNotice invitation={issued} /> : null}
      <form className="form" noValidate onSubmit={form.onSubmit}>
        <TextField {...form.field('email')} type="email" label={t('students.email')} required autoComplete="off" />
        <TextField {...form.field('fullName')} label={t('students.fullName')} />
        <TextField {...form.field('phone')} type="tel" label={t('students.phone')} />
        <FormAlert message={form.formError} />
        <FormActions
          submitLabel={t('students.invite')}
          busy={form.submitting}
          busyLabel={t('common.saving')}
          dismiss={{ label: t('common.close'), onClick: onClose }}
          small
        />
      </form>
    </div>
  );
}
