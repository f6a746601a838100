import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { Pager } from '../../ui/Pager';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { TextField } from '../../ui/TextField';
import { isRole } from '../../auth/types';
import { scheduleStatisticsQuery, userStatisticsQuery } from './statisticsApi';

/** Figures for running the centre: users by role (active, seen lately, new) and lessons per teacher per week. */
export function StatisticsPage() {
  const { t } = useI18n();
  return (
    <section className="page">
      <PageHeading title={t('statistics.title')}>{t('statistics.title')}</PageHeading>
      <UserFigures />
      <ScheduleFigures />
    </section>
  );
}

function UserFigures() {
  const { t } = useI18n();
  const api = useApi();
  const query = useQuery(userStatisticsQuery(api));
  return (
    <div>
      <h2>{t('statistics.users')}</h2>
      <QueryStates query={query}>
        {(data) => (
          <ScrollRegion label={t('statistics.users')}>
            <table className="table" data-testid="user-statistics">
              <thead>
                <tr>
                  <th scope="col">{t('users.role')}</th>
                  <th scope="col">{t('statistics.accounts')}</th>
                  <th scope="col">{t('users.active')}</th>
                  <th scope="col">{t('users.inactive')}</th>
                  <th scope="col">{t('statistics.seen')}</th>
                  <th scope="col">{t('statistics.newThisMonth')}</th>
                </tr>
              </thead>
              <tbody>
                {[...data.roles, data.total].map((row) => (
                  <tr key={row.role} data-role={row.role}>
                    <th scope="row">{isRole(row.role) ? t(`role.${row.role}`) : t('statistics.allRoles')}</th>
                    <td>{row.users}</td>
                    <td>{row.active}</td>
                    <td>{row.deactivated}</td>
                    <td>{row.seenLast30Days}</td>
                    <td>{row.newThisMonth}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </QueryStates>
      <p className="muted">{t('statistics.seenHint')}</p>
    </div>
  );
}

function ScheduleFigures() {
  const { t } = useI18n();
  const api = useApi();
  const [filter, setFilter] = useState({ from: '', to: '', page: 1 });
  const query = useQuery({ ...scheduleStatisticsQuery(api, filter), placeholderData: keepPreviousData });
  return (
    <div>
      <h2>{t('statistics.schedule')}</h2>
      <div className="toolbar">
        <TextField name="statisticsFrom" label={t('statistics.from')} type="date" value={filter.from} onChange={(event) => setFilter({ ...filter, from: event.target.value, page: 1 })} />
        <TextField name="statisticsTo" label={t('statistics.to')} type="date" value={filter.to} onChange={(event) => setFilter({ ...filter, to: event.target.value, page: 1 })} />
      </div>
      <QueryStates query={query}>
        {(data) => (
          <>
            <p className="muted">
              {t('statistics.totals', {
                from: data.from,
                to: data.to,
                lessons: data.totals.lessons,
                completed: data.totals.completed,
                missed: data.totals.missed,
                cancelled: data.totals.cancelled,
              })}
            </p>
            {data.teachers.items.length === 0 ? (
              <p>{t('statistics.noLessons')}</p>
            ) : (
              <ScrollRegion label={t('statistics.schedule')}>
                <table className="table" data-testid="schedule-statistics">
                  <thead>
                    <tr>
                      <th scope="col">{t('statistics.teacher')}</th>
                      {data.weeks.map((week) => (
                        <th scope="col" key={week}>
                          {t('statistics.week', { date: week })}
                        </th>
                      ))}
                      <th scope="col">{t('statistics.lessons')}</th>
                      <th scope="col">{t('statistics.missed')}</th>
                      <th scope="col">{t('statistics.cancelled')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.teachers.items.map((teacher) => (
                      <tr key={teacher.teacherId}>
                        <th scope="row">{teacher.fullName}</th>
                        {teacher.weeks.map((week) => (
                          <td key={week.weekStart} title={t('statistics.weekCell', { missed: week.missed, cancelled: week.cancelled })}>
                            {week.lessons}
                          </td>
                        ))}
                        <td>{teacher.totals.lessons}</td>
                        <td>{teacher.totals.missed}</td>
                        <td>{teacher.totals.cancelled}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            )}
            <Pager page={data.teachers.page} totalPages={data.teachers.totalPages ?? 0} onPage={(page) => setFilter({ ...filter, page })} />
          </>
        )}
      </QueryStates>
      <p className="muted">{t('statistics.scheduleHint')}</p>
    </div>
  );
}

/** The query's data rendered, or its loading or error state. */
function QueryStates<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) {
    return <LoadingState />;
  }
  if (query.isError) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}
