import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../services/ServicesContext';
import { ROLES, type Role } from '../../auth/types';
import { useI18n } from '../../i18n/I18nContext';
import { Avatar } from '../../ui/Avatar';
import { describeError } from '../../ui/describeError';
import { OneTimeSecret } from '../../ui/OneTimeSecret';
import { deactivateUser, resetPassword, updateUser, usersKey, type AdminUser } from './usersApi';

/** One account in the admin's table: change its role, (de)activate it, reset its password. */
export function UserRow({ user, selected, onSelect }: { user: AdminUser; selected: boolean; onSelect: (selected: boolean) => void }) {
  const { t, formatDateTime } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: usersKey });
  const changeRole = useMutation({ mutationFn: (role: Role) => updateUser(api, user.id, { role }), onSettled: refresh });
  const setActive = useMutation({
    mutationFn: async (active: boolean) => {
      if (active) {
        await updateUser(api, user.id, { isActive: true });
      } else {
        await deactivateUser(api, user.id);
      }
    },
    onSettled: refresh,
  });
  const reset = useMutation({ mutationFn: () => resetPassword(api, user.id) });
  const failure = changeRole.error ?? setActive.error ?? reset.error;
  const roleId = `role-${user.id}`;

  const onDeactivate = () => {
    if (window.confirm(t('users.confirmDeactivate', { name: user.fullName }))) {
      setActive.mutate(false);
    }
  };
  const onReset = () => {
    if (window.confirm(t('users.confirmReset', { name: user.fullName }))) {
      reset.mutate();
    }
  };

  return (
    <tr data-user={user.email}>
      <td>
        <input
          type="checkbox"
          name="selectUser"
          aria-label={t('users.bulk.select', { name: user.fullName })}
          checked={selected}
          onChange={(event) => onSelect(event.target.checked)}
        />
      </td>
      <td>
        <Avatar id={user.id} name={user.fullName} src={user.avatarUrl} size="sm" />{' '}
        <span className="user-cell__name">{user.fullName}</span>
        <br />
        <span className="muted">{user.email}</span>
        {failure ? (
          <p className="field__errors" role="alert">
            {describeError(failure, t)}
          </p>
        ) : null}
        {reset.data ? <OneTimeSecret label={t('users.temporaryPassword')} value={reset.data.temporaryPassword} /> : null}
      </td>
      <td>
        <label className="visually-hidden" htmlFor={roleId}>
          {t('users.roleOf', { name: user.fullName })}
        </label>
        <select
          id={roleId}
          className="field__control field__control--compact"
          value={user.role}
          disabled={changeRole.isPending}
          onChange={(event) => changeRole.mutate(event.target.value as Role)}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <span className={user.isActive ? 'badge badge--approved' : 'badge badge--rejected'}>
          {user.isActive ? t('users.active') : t('users.inactive')}
        </span>
      </td>
      <td>{formatDateTime(user.createdAt)}</td>
      <td>
        <div className="actions actions--compact">
          {user.isActive ? (
            <button type="button" className="button button--danger button--small" disabled={setActive.isPending} onClick={onDeactivate}>
              {t('users.deactivate')}
            </button>
          ) : (
            <button type="button" className="button button--secondary button--small" disabled={setActive.isPending} onClick={() => setActive.mutate(true)}>
              {t('users.activate')}
            </button>
          )}
          <button type="button" className="button button--secondary button--small" disabled={reset.isPending} onClick={onReset}>
            {t('users.resetPassword')}
          </button>
        </div>
      </td>
    </tr>
  );
}
