import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../i18n/I18nContext';
import { useApi } from '../../services/ServicesContext';
import { PageHeading } from '../../ui/PageHeading';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import { LessonActions } from './LessonActions';
import { LessonDetails } from './LessonDetails';
import { LessonHistory } from './LessonHistory';
import { lessonQuery } from './lessonsApi';

/** One lesson: its details, what the caller may do with it, and its history; kept live. */
export function LessonDetailPage() {
  const { lessonId = '' } = useParams();
  const { t } = useI18n();
  const api = useApi();
  const query = useQuery(lessonQuery(api, lessonId));

  return (
    <section className="page">
      <p>
        <Link to="/schedule">{t('lesson.backToSchedule')}</Link>
      </p>
      <PageHeading title={t('lesson.title')}>
        {query.isSuccess ? `${query.data.subject.name}` : t('lesson.title')}
      </PageHeading>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? (
        <>
          <LessonDetails lesson={query.data} />
          <LessonActions lesson={query.data} />
          <LessonHistory lessonId={lessonId} />
        </>
      ) : null}
    </section>
  );
}
