import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDate } from '../../format/dates';
import { useI18n } from '../../i18n/I18nContext';
import { useApi } from '../../services/ServicesContext';
import { PagedList } from '../../ui/PagedList';
import { lessonsBeyondPaidQuery } from './billingApi';

/** A tutor's students with lessons booked after their paid period. */
export function LessonsBeyondPaidSection() {
  const { t, language } = useI18n();
  const api = useApi();
  const [page, setPage] = useState(1);
  const query = useQuery(lessonsBeyondPaidQuery(api, page));
  return (
    <section className="card" aria-labelledby="billing-beyond">
      <h2 id="billing-beyond">{t('billing.beyond.title')}</h2>
      <PagedList query={query} empty={t('billing.beyond.empty')} onPage={setPage}>
        {(items) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('billing.student')}</th>
                <th scope="col">{t('billing.subject')}</th>
                <th scope="col">{t('billing.statusColumn')}</th>
                <th scope="col">{t('billing.beyond.lessons')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((row) => (
                <tr key={row.enrollmentId}>
                  <td>{row.student.fullName}</td>
                  <td>{row.subject.name}</td>
                  <td>{row.paidUntil ? t('billing.paidUntil', { date: formatDate(row.paidUntil, language) }) : t('billing.neverPaid')}</td>
                  <td>{row.lessons}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedList>
    </section>
  );
}
