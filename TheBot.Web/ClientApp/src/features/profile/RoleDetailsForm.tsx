import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useForm } from '../../forms/useForm';
import { maxLength } from '../../forms/validation';
import { useI18n } from '../../i18n/I18nContext';
import { FormActions } from '../../ui/FormActions';
import { FormAlert } from '../../ui/FormAlert';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { profileDetailsKey, updateProfileDetails, type ProfileDetails } from './profileApi';

const GRADES = Array.from({ length: 12 }, (_, index) => String(index + 1));
const rules = { bio: [maxLength(4000)], grade: [], goal: [maxLength(1000)] };

/** What my role lets me tell about myself: a teacher's or tutor's bio, a student's school year and goal. Nothing for others. */
export function RoleDetailsForm({ profile }: { profile: ProfileDetails }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const hasBio = profile.role === 'teacher' || profile.role === 'tutor';
  const isStudent = profile.role === 'student';
  const form = useForm(
    { bio: profile.bio ?? '', grade: profile.grade === null ? '' : String(profile.grade), goal: profile.goal ?? '' },
    rules,
    async (values) => {
      setSaved(false);
      const next = await updateProfileDetails(
        api,
        hasBio ? { bio: values.bio } : { goal: values.goal, ...(values.grade === '' ? {} : { grade: Number(values.grade) }) },
      );
      queryClient.setQueryData(profileDetailsKey, next);
      setSaved(true);
    },
  );
  if (!hasBio && !isStudent) {
    return null;
  }

  return (
    <section className="panel" aria-labelledby="role-details-title">
      <h2 id="role-details-title">{t(hasBio ? 'profile.aboutMe' : 'profile.studies')}</h2>
      <form className="form" noValidate onSubmit={form.onSubmit}>
        {hasBio ? <TextAreaField {...form.field('bio')} label={t('profile.bio')} hint={t('profile.bioHint')} rows={5} maxLength={4000} /> : null}
        {isStudent ? (
          <>
            <SelectField
              {...form.field('grade')}
              label={t('profile.grade')}
              placeholder={t('common.notSet')}
              options={GRADES.map((grade) => ({ value: grade, label: t('profile.gradeValue', { grade }) }))}
            />
            <TextAreaField {...form.field('goal')} label={t('profile.goal')} hint={t('profile.goalHint')} rows={3} maxLength={1000} />
          </>
        ) : null}
        <FormAlert message={form.formError} />
        {saved ? <FormAlert tone="success" message={t('profile.saved')} /> : null}
        <FormActions submitLabel={t('profile.save')} busy={form.submitting} busyLabel={t('profile.saving')} />
      </form>
    </section>
  );
}
