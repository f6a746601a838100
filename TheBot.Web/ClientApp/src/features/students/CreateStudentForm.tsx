import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useForm } from '../../forms/useForm';
import { email, maxLength, phone, required, type ValidationRules, type Validator } from '../../forms/validation';
import { useI18n } from '../../i18n/I18nContext';
import { FormAlert } from '../../ui/FormAlert';
import { FormActions } from '../../ui/FormActions';
import { OneTimeSecret } from '../../ui/OneTimeSecret';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { IssuedInvitationNotice } from './IssuedInvitationNotice';
import { createStudent, studentsKey, type CreatedAccount, type IssuedInvitation } from './studentsApi';

type Field = 'student.fullName' | 'student.email' | 'student.phone' | 'student.grade' | 'student.goal' | 'parent.fullName' | 'parent.email' | 'parent.phone';

const grade: Validator = (value) =>
  value.trim() === '' || (/^\d{1,2}$/.test(value.trim()) && Number(value) >= 1 && Number(value) <= 12) ? null : { key: 'validation.grade' };

const rules: ValidationRules<Field> = {
  'student.fullName': [required, maxLength(200)],
  'student.email': [required, email, maxLength(254)],
  'student.phone': [phone],
  'student.grade': [grade],
  'student.goal': [maxLength(1000)],
  'parent.fullName': [maxLength(200)],
  'parent.email': [required, email, maxLength(254)],
  'parent.phone': [phone],
};

const empty: Record<Field, string> = {
  'student.fullName': '',
  'student.email': '',
  'student.phone': '',
  'student.grade': '',
  'student.goal': '',
  'parent.fullName': '',
  'parent.email': '',
  'parent.phone': '',
};

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/**
 * Creates a student and invites their parent by email in one step. The parent is linked only once they
 * accept (an existing account, under Family) or make their account with the code (a new parent).
 */
export function CreateStudentForm({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<{ student: CreatedAccount; parent: IssuedInvitation } | null>(null);
  const form = useForm(empty, rules, async (values) => {
    const result = await createStudent(api, {
      student: {
        fullName: values['student.fullName'].trim(),
        email: values['student.email'].trim(),
        phone: orNull(values['student.phone']),
        grade: values['student.grade'].trim() === '' ? null : Number(values['student.grade']),
        goal: orNull(values['student.goal']),
      },
      parent: { fullName: orNull(values['parent.fullName']), email: values['parent.email'].trim(), phone: orNull(values['parent.phone']) },
    });
    setCreated(result);
    form.reset();
    await queryClient.invalidateQueries({ queryKey: studentsKey });
  });

  const field = (name: Field, label: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField {...form.field(name)} label={label} {...extra} />
  );

  return (
    <section className="panel" aria-labelledby="new-student-title">
      <h2 id="new-student-title">{t('students.new')}</h2>
      {created ? (
        <div className="created">
          <p className="alert alert--success" role="status">
            {t('students.created', { student: created.student.fullName, email: created.parent.email })}
          </p>
          {created.student.initialPassword ? (
            <OneTimeSecret label={t('students.studentPassword', { email: created.student.email })} value={created.student.initialPassword} />
          ) : null}
          <IssuedInvitationNotice invitation={created.parent} />
        </div>
      ) : null}
      <form className="form" noValidate onSubmit={form.onSubmit}>
        <fieldset className="fieldset">
          <legend>{t('students.studentLegend')}</legend>
          {field('student.fullName', t('students.fullName'), { required: true, autoComplete: 'off' })}
          {field('student.email', t('students.email'), { required: true, type: 'email', autoComplete: 'off' })}
          {field('student.phone', t('students.phone'), { type: 'tel' })}
          {field('student.grade', t('students.grade'), { inputMode: 'numeric', hint: t('students.gradeHint') })}
          <TextAreaField {...form.field('student.goal')} label={t('students.goal')} rows={2} />
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('students.parentLegend')}</legend>
          <p className="field__hint">{t('students.parentHint')}</p>
          {field('parent.email', t('students.email'), { required: true, type: 'email', autoComplete: 'off' })}
          {field('parent.fullName', t('students.fullName'))}
          {field('parent.phone', t('students.phone'), { type: 'tel' })}
        </fieldset>
        <FormAlert message={form.formError} />
        <FormActions
          submitLabel={t('students.create')}
          busy={form.submitting}
          busyLabel={t('common.saving')}
          dismiss={{ label: t('common.close'), onClick: onClose }}
        />
      </form>
    </section>
  );
}
