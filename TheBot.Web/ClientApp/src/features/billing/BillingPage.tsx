import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { ChildrenBilling } from './ChildrenBilling';
import { LessonsBeyondPaidSection } from './LessonsBeyondPaidSection';
import { PricesSection } from './PricesSection';
import { RevenueSection } from './RevenueSection';
import { StudentsBilling } from './StudentsBilling';
import { TeachingPaid } from './TeachingPaid';

/**
 * Per-subject billing, by role: tutors and admins set prices, see their students' payment status and the revenue
 * report; parents pay and subscribe their children's subjects; teachers see only whether each student is paid.
 */
export function BillingPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const role = user?.role;
  return (
    <section className="page">
      <PageHeading title={t('billing.title')}>{t('billing.title')}</PageHeading>
      {role === 'parent' ? <ChildrenBilling /> : null}
      {role === 'teacher' ? <TeachingPaid /> : null}
      {role === 'tutor' || role === 'admin' ? (
        <>
          <PricesSection />
          <StudentsBilling canOverride={role === 'tutor'} />
          {role === 'tutor' ? <LessonsBeyondPaidSection /> : null}
          <RevenueSection />
        </>
      ) : null}
    </section>
  );
}
