import { useI18n } from '../../i18n/I18nContext';
import type { Lesson } from './lessonsApi';
import { LessonStatusBadge } from './LessonStatusBadge';
import { Detail } from '../../ui/Detail';

/** The lesson's facts: status, times, people, topic, meeting link and (when cancelled) why. */
export function LessonDetails({ lesson }: { lesson: Lesson }) {
  const { t, formatDateTime } = useI18n();
  return (
    <dl className="details panel">
      <dt>{t('lesson.statusLabel')}</dt>
      <dd>
        <LessonStatusBadge status={lesson.status} />
      </dd>
      <dt>{t('lesson.start')}</dt>
      <dd>
        <time dateTime={lesson.startsAt}>{formatDateTime(lesson.startsAt)}</time>
      </dd>
      <dt>{t('lesson.end')}</dt>
      <dd>
        <time dateTime={lesson.endsAt}>{formatDateTime(lesson.endsAt)}</time>
      </dd>
      <dt>{t('lesson.teacher')}</dt>
      <dd>{lesson.teacher.fullName}</dd>
      <dt>{t('lesson.student')}</dt>
      <dd>{lesson.student.fullName}</dd>
      <dt>{t('lesson.topic')}</dt>
      <dd>{lesson.topic ?? <span className="muted">{t('common.notSet')}</span>}</dd>
      <dt>{t('lesson.meetingLink')}</dt>
      <dd>
        {lesson.meetingLink ? (
          <a href={lesson.meetingLink} target="_blank" rel="noopener noreferrer">
            {lesson.meetingLink}
          </a>
        ) : (
          <span className="muted">{t('common.notSet')}</span>
        )}
      </dd>
      <Detail term={t('lesson.cancelReason')}>{lesson.cancelReason}</Detail>
    </dl>
  );
}
