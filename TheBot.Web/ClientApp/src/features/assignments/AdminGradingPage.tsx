import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { GradeQueue } from './GradeQueue';

/** Work handed in and not yet graded, across the school (admins): what the dashboard's "Awaiting grading" counts. */
export function AdminGradingPage() {
  const { t } = useI18n();
  return (
    <section className="page">
      <PageHeading title={t('dashboard.awaitingGrading')}>{t('dashboard.awaitingGrading')}</PageHeading>
      <p className="lead">{t('grading.intro')}</p>
      <GradeQueue />
    </section>
  );
}
