import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ExternalLink, Send, Unlink } from 'lucide-react';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import {
  createTelegramLink,
  isLinkUsable,
  telegramState,
  telegramStatusQuery,
  unlinkTelegram,
  type TelegramLink,
  type TelegramStatus,
} from './telegramApi';

/**
 * "Link Telegram" on the profile: a one-time deep link that opens the bot (the status is polled until the bot has
 * linked the chat), whether the account is linked (and whether the user blocked the bot), and unlinking.
 */
export function TelegramLinkPanel() {
  const { t, formatTime } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [link, setLink] = useState<TelegramLink | null>(null);
  const [confirmUnlink, setConfirmUnlink] = useState(false);
  const waiting = isLinkUsable(link);
  const query = useQuery(telegramStatusQuery(api, waiting));
  const state = query.data ? telegramState(query.data) : null;
  // A link already used (the status says linked, and not blocked) is no longer worth showing.
  const shownLink = waiting && state !== 'linked' ? link : null;

  const create = useMutation({
    mutationFn: () => createTelegramLink(api),
    onSuccess: (created) => setLink(created),
  });
  const unlink = useMutation({
    mutationFn: () => unlinkTelegram(api),
    onSuccess: async () => {
      setConfirmUnlink(false);
      setLink(null);
      await queryClient.invalidateQueries({ queryKey: telegramStatusQuery(api).queryKey });
    },
  });

  return (
    <section className="panel" aria-labelledby="telegram-title">
      <h2 id="telegram-title">{t('telegram.title')}</h2>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess && state !== null ? (
        <>
          <TelegramStatusText status={query.data} state={state} />
          {shownLink !== null ? (
            <div className="telegram-link">
              <p>{t('telegram.openHint', { time: formatTime(shownLink.expiresAt) })}</p>
              <p>
                <a className="button" href={shownLink.url} target="_blank" rel="noopener noreferrer">
                  <ExternalLink className="icon" size={18} aria-hidden="true" focusable="false" /> {t('telegram.open')}
                </a>
              </p>
              <p className="hint">
                {t('telegram.linkText')} <code className="telegram-link__url">{shownLink.url}</code>
              </p>
            </div>
          ) : null}
          {create.isError ? <FormAlert message={describeError(create.error, t)} /> : null}
          {unlink.isError && !confirmUnlink ? <FormAlert message={describeError(unlink.error, t)} /> : null}
          <div className="actions">
            {state === 'notLinked' || state === 'blocked' ? (
              <button type="button" className="button" disabled={create.isPending} onClick={() => create.mutate()}>
                <Send className="icon" size={18} aria-hidden="true" focusable="false" /> {state === 'blocked' ? t('telegram.linkAgain') : t('telegram.link')}
              </button>
            ) : null}
            {state === 'linked' || state === 'blocked' ? (
              <button type="button" className="button button--secondary" onClick={() => setConfirmUnlink(true)}>
                <Unlink className="icon" size={18} aria-hidden="true" focusable="false" /> {t('telegram.unlink')}
              </button>
            ) : null}
          </div>
        </>
      ) : null}
      <ConfirmDialog
        open={confirmUnlink}
        title={t('telegram.unlinkTitle')}
        message={t('telegram.unlinkMessage')}
        confirmLabel={t('telegram.unlink')}
        busy={unlink.isPending}
        onConfirm={() => unlink.mutate()}
        onCancel={() => setConfirmUnlink(false)}
      />
    </section>
  );
}

function TelegramStatusText({ status, state }: { status: TelegramStatus; state: ReturnType<typeof telegramState> }) {
  const { t, formatDateTime } = useI18n();
  switch (state) {
    case 'unavailable':
      return <p className="muted">{t('telegram.unavailable')}</p>;
    case 'notLinked':
      return <p>{t('telegram.notLinked', { bot: `@${status.botUsername ?? ''}` })}</p>;
    case 'linked':
      return (
        <p role="status">
          {status.username
            ? t('telegram.linkedAs', { username: `@${status.username}`, date: formatDateTime(status.linkedAt ?? '') })
            : t('telegram.linked', { date: formatDateTime(status.linkedAt ?? '') })}
        </p>
      );
    case 'blocked':
      return <FormAlert message={t('telegram.blocked', { date: formatDateTime(status.blockedAt ?? '') })} />;
  }
}
