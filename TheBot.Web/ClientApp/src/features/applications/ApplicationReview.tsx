import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { ROLES, type Role } from '../../auth/types';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { adminApplicationsKey, approveApplication, rejectApplication, type AdminApplication, type ApprovedApplication } from './adminApplicationsApi';
import { Detail } from '../../ui/Detail';

/** One application for the admin: who asked for what, and the decision (approve as a role, or reject, with a note). */
export function ApplicationReview({ application, onApproved }: { application: AdminApplication; onApproved: (result: ApprovedApplication) => void }) {
  const { t, formatDateTime } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>(application.desiredRole);
  const [note, setNote] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminApplicationsKey });
  const approve = useMutation({
    mutationFn: () => approveApplication(api, application.id, { role, note: note.trim() }),
    onSuccess: onApproved,
    onSettled: refresh,
  });
  const reject = useMutation({ mutationFn: () => rejectApplication(api, application.id, note.trim()), onSettled: refresh });
  const busy = approve.isPending || reject.isPending;
  const failure = approve.error ?? reject.error;
  const id = `application-${application.id}`;

  return (
    <li className="panel application" data-application={application.email} aria-labelledby={`${id}-name`}>
      <h2 className="application__name" id={`${id}-name`}>
        {application.fullName}{' '}
        <span className={`badge badge--${application.status}`} data-status={application.status}>
          {t(`applicationStatus.status.${application.status}`)}
        </span>
      </h2>
      <dl className="details details--compact">
        <dt>{t('apply.email')}</dt>
        <dd>{application.email}</dd>
        <Detail term={t('apply.phone')}>{application.phone}</Detail>
        <Detail term={t('apply.parent')}>
          {application.parentFullName ? `${application.parentFullName} <${application.parentEmail ?? ''}>` : null}
        </Detail>
        <dt>{t('applicationStatus.desiredRole')}</dt>
        <dd>{t(`role.${application.desiredRole}`)}</dd>
        <dt>{t('applicationStatus.createdAt')}</dt>
        <dd>{formatDateTime(application.createdAt)}</dd>
        <Detail term={t('apply.message')} className="prewrap">{application.message}</Detail>
        <Detail term={t('applicationStatus.decisionNote')}>{application.decisionNote}</Detail>
      </dl>
      {application.status === 'pending' && !approve.isSuccess && !reject.isSuccess ? (
        <div className="form">
          <div className="form__row">
            <SelectField
              name={`${id}-role`}
              label={t('applications.approveAs')}
              options={ROLES.map((option) => ({ value: option, label: t(`role.${option}`) }))}
              value={role}
              onChange={(event) => setRole(event.target.value as Role)}
            />
            <TextField
              name={`${id}-note`}
              label={t('applications.note')}
              maxLength={1000}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </div>
          <div className="actions">
            <button type="button" className="button" disabled={busy} onClick={() => approve.mutate()}>
              {t('applications.approve')}
            </button>
            <button type="button" className="button button--danger" disabled={busy} onClick={() => reject.mutate()}>
              {t('applications.reject')}
            </button>
          </div>
        </div>
      ) : null}
      <FormAlert message={failure ? describeError(failure, t) : null} />
    </li>
  );
}
