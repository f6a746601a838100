import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ListChecks } from 'lucide-react';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { PersonSelectField } from '../../ui/PersonSelectField';
import { SelectField } from '../../ui/SelectField';
import { BulkResults } from './BulkResults';
import { BULK_ACTIONS, bulkUserAction, MAX_BULK_USERS, peopleOfRoleQuery, usersKey, type BulkAction } from './usersApi';

/**
 * What to do with the users ticked in the table: an action (and, to assign a tutor, which one), a confirmation that
 * says what will happen to how many, then each user's outcome (and new temporary passwords, shown once) until the
 * selection is cleared.
 */
export function BulkActionsBar({ selected, onClear }: { selected: readonly string[]; onClear: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<BulkAction | ''>('');
  const [tutorId, setTutorId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const tutors = useQuery({ ...peopleOfRoleQuery(api, 'tutor'), enabled: action === 'assign-tutor' });
  const mutation = useMutation({
    mutationFn: (chosen: BulkAction) => bulkUserAction(api, chosen, selected, chosen === 'assign-tutor' ? tutorId : undefined),
    // The selection stays (with each user's outcome below) until the admin clears it.
    onSuccess: () => setConfirming(false),
    onError: () => setConfirming(false),
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
  const tooMany = selected.length > MAX_BULK_USERS;
  const ready = action !== '' && selected.length > 0 && !tooMany && (action !== 'assign-tutor' || tutorId !== '');
  const tutorName = tutors.data?.items.find((tutor) => tutor.id === tutorId)?.fullName ?? '';

  return (
    <div className="panel bulk-actions" data-testid="bulk-actions">
      <p>
        <ListChecks aria-hidden="true" size={16} /> {t('users.bulk.selected', { count: selected.length })}
      </p>
      <div className="toolbar">
        <SelectField
          name="bulkAction"
          label={t('users.bulk.action')}
          placeholder={t('users.bulk.choose')}
          options={BULK_ACTIONS.map((value) => ({ value, label: t(`users.bulk.${value}`) }))}
          value={action}
          onChange={(event) => setAction(event.target.value as BulkAction | '')}
        />
        {action === 'assign-tutor' ? (
          <PersonSelectField
            name="bulkTutor"
            label={t('users.bulk.tutor')}
            placeholder={t('users.bulk.chooseTutor')}
            options={(tutors.data?.items ?? []).map((tutor) => ({ value: tutor.id, label: tutor.fullName }))}
            value={tutorId}
            onChange={(event) => setTutorId(event.target.value)}
          />
        ) : null}
        <button type="button" className="button" disabled={!ready || mutation.isPending} onClick={() => setConfirming(true)}>
          {t('users.bulk.apply')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClear}>
          {t('users.bulk.clear')}
        </button>
      </div>
      {tooMany ? <FormAlert message={t('users.bulk.tooMany', { max: MAX_BULK_USERS })} /> : null}
      {mutation.isError ? <FormAlert message={describeError(mutation.error, t)} /> : null}
      {mutation.data ? <BulkResults result={mutation.data} /> : null}
      {action === '' ? null : (
        <ConfirmDialog
          open={confirming}
          title={t(`users.bulk.${action}`)}
          message={t(`users.bulk.confirm.${action}`, { count: selected.length, tutor: tutorName })}
          confirmLabel={t('users.bulk.confirmButton', { count: selected.length })}
          busy={mutation.isPending}
          onConfirm={() => mutation.mutate(action)}
          onCancel={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
