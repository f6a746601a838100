import { useI18n } from '../../i18n/I18nContext';
import { OneTimeSecret } from '../../ui/OneTimeSecret';
import { invitationLink } from '../family/familyApi';
import type { IssuedInvitation } from './studentsApi';

/**
 * What to hand the parent: the invitation link (a new parent makes their account with it). A parent who
 * already has an account simply signs in and accepts under Family. The tutor is not told which it is.
 */
export function IssuedInvitationNotice({ invitation }: { invitation: IssuedInvitation }) {
  const { t, formatDateTime } = useI18n();
  return (
    <>
      <OneTimeSecret label={t('students.invitationLink', { email: invitation.email })} value={invitationLink(window.location.origin, invitation.code)} />
      <p className="muted">{t('students.invitationHint', { expiresAt: formatDateTime(invitation.expiresAt) })}</p>
    </>
  );
}
