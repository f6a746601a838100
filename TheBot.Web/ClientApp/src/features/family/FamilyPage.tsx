import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeading } from '../../ui/PageHeading';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { ChildrenBilling } from '../billing/ChildrenBilling';
import { answerInvitation, invitationsKey, myInvitationsQuery, type ParentInvitation } from './familyApi';

/** A parent confirms (or refuses) the children tutors say are theirs: nobody is linked before they do. */
export function FamilyPage() {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const query = useQuery(myInvitationsQuery(api));
  const answer = useMutation({
    mutationFn: ({ id, accept }: { id: string; accept: boolean }) => answerInvitation(api, id, accept ? 'accept' : 'decline'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: invitationsKey }),
    // A new child changes what every page shows.
    onSuccess: (invitation) => (invitation.status === 'accepted' ? queryClient.invalidateQueries() : undefined),
  });

  return (
    <section className="page">
      <PageHeading title={t('family.title')}>{t('family.title')}</PageHeading>
      <p className="lead">{t('family.intro')}</p>
      <FormAlert message={answer.error ? describeError(answer.error, t) : null} />
      {answer.isSuccess ? (
        <FormAlert
          tone="success"
          message={t(answer.data.status === 'accepted' ? 'family.accepted' : 'family.declined', { student: answer.data.student.fullName })}
        />
      ) : null}
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess && query.data.items.length === 0 ? <EmptyState message={t('family.none')} /> : null}
      {query.isSuccess && query.data.items.length > 0 ? (
        <ul className="session-list">
          {query.data.items.map((invitation) => (
            <InvitationItem
              key={invitation.id}
              invitation={invitation}
              busy={answer.isPending && answer.variables?.id === invitation.id}
              onAnswer={(accept) => answer.mutate({ id: invitation.id, accept })}
            />
          ))}
        </ul>
      ) : null}
      <ChildrenBilling />
    </section>
  );
}

function InvitationItem({ invitation, busy, onAnswer }: { invitation: ParentInvitation; busy: boolean; onAnswer: (accept: boolean) => void }) {
  const { t, formatDateTime } = useI18n();
  return (
    <li className="session" data-invitation={invitation.id}>
      <div className="session__main">
        <p className="session__device">{t('family.question', { tutor: invitation.invitedBy.fullName, student: invitation.student.fullName })}</p>
        <dl className="details details--compact">
          <dt>{t('family.tutor')}</dt>
          <dd>
            {invitation.invitedBy.fullName} ({invitation.invitedBy.email})
          </dd>
          <dt>{t('family.expiresAt')}</dt>
          <dd>{formatDateTime(invitation.expiresAt)}</dd>
        </dl>
      </div>
      <div className="actions">
        <button type="button" className="button" disabled={busy} onClick={() => onAnswer(true)}>
          {t('family.accept', { student: invitation.student.fullName })}
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => onAnswer(false)}>
          {t('family.decline')}
        </button>
      </div>
    </li>
  );
}
