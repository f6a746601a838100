import { isRole } from '../../auth/types';
import { useI18n } from '../../i18n/I18nContext';
import type { Broadcast } from './broadcastsApi';

/** Who a broadcast was for, in words: everyone, every tutor, Maths's class, Anna's students and parents, 12 people. */
export function BroadcastTarget({ broadcast }: { broadcast: Broadcast }) {
  const { t } = useI18n();
  const name = broadcast.targetName ?? '—';
  switch (broadcast.audienceKind) {
    case 'everyone':
      return <>{t('broadcasts.everyone')}</>;
    case 'role':
      return <>{isRole(broadcast.role) ? t('broadcasts.allOfRole', { role: t(`role.${broadcast.role}`) }) : broadcast.role}</>;
    case 'subject':
      return <>{t('broadcasts.describe.subject', { name })}</>;
    case 'tutor':
      return <>{broadcast.includeParents ? t('broadcasts.describe.tutorWithParents', { name }) : t('broadcasts.describe.tutor', { name })}</>;
    case 'teacher':
      return <>{t('broadcasts.describe.teacher', { name })}</>;
    case 'users':
      return <>{t('broadcasts.describe.users', { count: broadcast.userCount })}</>;
    default:
      return <>{broadcast.audienceKind}</>;
  }
}
