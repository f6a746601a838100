import { useI18n } from '../../i18n/I18nContext';
import type { LessonStatus } from './lessonsApi';

export function LessonStatusBadge({ status }: { status: LessonStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge--lesson-${status}`} data-status={status}>
      {t(`lesson.status.${status}`)}
    </span>
  );
}
