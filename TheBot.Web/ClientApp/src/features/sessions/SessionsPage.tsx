import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useApi } from '../../services/ServicesContext';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeading } from '../../ui/PageHeading';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { parseUserAgent } from './userAgent';
import { endOtherSessions, endSession, sessionsQuery, sessionsQueryKey, type DeviceSession } from './sessionsApi';

export function SessionsPage() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { signOutEverywhere } = useAuth();
  const query = useQuery(sessionsQuery(api));
  const refresh = () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey });
  const endOne = useMutation({ mutationFn: (id: string) => endSession(api, id), onSettled: refresh });
  const endOthers = useMutation({ mutationFn: (all: readonly DeviceSession[]) => endOtherSessions(api, all), onSettled: refresh });
  const failure = endOne.error ?? endOthers.error;

  const everywhere = async () => {
    if (window.confirm(t('sessions.confirmEverywhere'))) {
      await signOutEverywhere();
      void navigate('/sign-in', { replace: true });
    }
  };

  const others = query.data?.filter((session) => !session.current) ?? [];

  return (
    <section className="page">
      <PageHeading title={t('sessions.title')}>{t('sessions.title')}</PageHeading>
      <p className="lead">{t('sessions.intro')}</p>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      <FormAlert message={failure ? describeError(failure, t) : null} />
      {query.isSuccess ? (
        <>
          <ul className="session-list">
            {query.data.map((session) => (
              <SessionItem
                key={session.id}
                session={session}
                busy={endOne.isPending && endOne.variables === session.id}
                onEnd={() => endOne.mutate(session.id)}
              />
            ))}
          </ul>
          {others.length === 0 ? <EmptyState message={t('sessions.noOthers')} /> : null}
          <div className="actions">
            <button
              type="button"
              className="button button--secondary"
              disabled={others.length === 0 || endOthers.isPending}
              onClick={() => endOthers.mutate(query.data)}
            >
              {t('sessions.signOutOthers')}
            </button>
            <button type="button" className="button button--danger" onClick={() => void everywhere()}>
              {t('sessions.signOutEverywhere')}
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}

function SessionItem({ session, busy, onEnd }: { session: DeviceSession; busy: boolean; onEnd: () => void }) {
  const { t, formatDateTime } = useI18n();
  const { browser, os } = parseUserAgent(session.device);
  const device =
    browser && os
      ? t('sessions.browserOn', { browser, os })
      : (browser ?? (os ? t('sessions.browserOnUnknown', { os }) : t('sessions.unknownDevice')));
  return (
    <li className="session">
      <div className="session__main">
        <p className="session__device">
          <span title={session.device || undefined} data-user-agent={session.device || undefined}>
            {device}
          </span>{' '}
          {session.current ? <span className="badge badge--approved">{t('sessions.current')}</span> : null}
        </p>
        <dl className="details details--compact">
          <dt>{t('sessions.ipAddress')}</dt>
          <dd>{session.ipAddress || t('common.notSet')}</dd>
          <dt>{t('sessions.createdAt')}</dt>
          <dd>{formatDateTime(session.createdAt)}</dd>
          <dt>{t('sessions.lastSeenAt')}</dt>
          <dd>{formatDateTime(session.lastSeenAt)}</dd>
        </dl>
      </div>
      {session.current ? null : (
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          aria-label={t('sessions.signOutDeviceNamed', { device })}
          onClick={onEnd}
        >
          {t('sessions.signOutDevice')}
        </button>
      )}
    </li>
  );
}
