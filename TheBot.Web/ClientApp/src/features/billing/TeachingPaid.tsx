import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nContext';
import { useApi } from '../../services/ServicesContext';
import { PagedList } from '../../ui/PagedList';
import { teachingPaidQuery } from './billingApi';

/** A teacher's students: whether each one's subject is paid — never amounts. */
export function TeachingPaid() {
  const { t } = useI18n();
  const api = useApi();
  const [page, setPage] = useState(1);
  const query = useQuery(teachingPaidQuery(api, page));
  return (
    <section className="card" aria-labelledby="teaching-paid">
      <h2 id="teaching-paid">{t('billing.teaching.title')}</h2>
      <PagedList query={query} empty={t('billing.teaching.empty')} onPage={setPage}>
        {(items) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('billing.student')}</th>
                <th scope="col">{t('billing.subject')}</th>
                <th scope="col">{t('billing.statusColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.enrollmentId}>
                  <td>{item.student.fullName}</td>
                  <td>{item.subject.name}</td>
                  <td>
                    <span className={`badge badge--${item.paid ? 'approved' : 'rejected'}`}>{item.paid ? t('billing.teaching.paid') : t('billing.teaching.notPaid')}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedList>
    </section>
  );
}
