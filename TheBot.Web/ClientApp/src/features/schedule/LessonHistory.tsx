import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n/I18nContext';
import { useApi } from '../../services/ServicesContext';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import { lessonHistoryQuery } from './lessonsApi';

/** Every change to the lesson, oldest first: who did what, the status it left, and any move in time. */
export function LessonHistory({ lessonId }: { lessonId: string }) {
  const { t, formatDateTime } = useI18n();
  const api = useApi();
  const query = useQuery(lessonHistoryQuery(api, lessonId));
  return (
    <section aria-labelledby="lesson-history">
      <h2 id="lesson-history">{t('lesson.history')}</h2>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} /> : null}
      {query.isSuccess ? (
        <ol className="timeline">
          {query.data.map((item, index) => (
            <li key={index} className="timeline__item">
              <time dateTime={item.at}>{formatDateTime(item.at)}</time> · <strong>{item.action}</strong> ·{' '}
              {item.actor?.fullName ?? t('invoice.system')} · {t(`lesson.status.${item.toStatus}`)}
              {item.fromStartsAt !== null && item.fromStartsAt !== item.toStartsAt ? (
                <>
                  {' '}
                  · {formatDateTime(item.fromStartsAt)} → {formatDateTime(item.toStartsAt)}
                </>
              ) : null}
              {item.note ? <p className="muted">{item.note}</p> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
