import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Trash2 } from 'lucide-react';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import { describeError } from '../../ui/describeError';
import { deleteModeratedMessage, moderatedMessagesQuery, moderationKey, type ModeratedMessage, type ModeratedMessagePage, type ModeratedRoom } from './moderationApi';

/** A room as its members read it, page by page back in time, with a delete (asked first) on every message. */
export function ModeratedRoomMessages({ room, title }: { room: ModeratedRoom; title: string }) {
  const { t, formatDateTime } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [before, setBefore] = useState<string | null>(null);
  const [older, setOlder] = useState<ModeratedMessage[]>([]);
  const [deleting, setDeleting] = useState<ModeratedMessage | null>(null);
  const query = useQuery(moderatedMessagesQuery(api, room.id, before));
  const remove = useMutation({
    mutationFn: (message: ModeratedMessage) => deleteModeratedMessage(api, room.id, message.id),
    onSuccess: (_, message) => {
      setDeleting(null);
      setOlder((current) => current.map((m) => (m.id === message.id ? { ...m, deleted: true, text: '' } : m)));
      queryClient.setQueryData<ModeratedMessagePage>(moderatedMessagesQuery(api, room.id, before).queryKey, (page) =>
        page === undefined ? page : { ...page, items: page.items.map((m) => (m.id === message.id ? { ...m, deleted: true, text: '' } : m)) },
      );
      void queryClient.invalidateQueries({ queryKey: [...moderationKey, 'rooms'] });
    },
  });

  if (query.isPending) {
    return <LoadingState />;
  }
  if (query.isError) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }

  const messages = [...query.data.items, ...older];
  const loadOlder = () => {
    const first = query.data.items[0];
    if (first !== undefined) {
      setOlder(messages);
      setBefore(first.id);
    }
  };

  return (
    <section aria-label={title} className="panel">
      <h2>{title}</h2>
      <p className="muted">{t('moderation.readRecorded')}</p>
      {query.data.hasMore ? (
        <button type="button" className="button button--secondary button--small" onClick={loadOlder}>
          {t('moderation.older')}
        </button>
      ) : null}
      {messages.length === 0 ? <p className="muted">{t('moderation.noMessages')}</p> : null}
      <ol className="moderation-messages" aria-label={t('moderation.messages')}>
        {messages.map((message) => (
          <li key={message.id} data-message={message.id} className="panel">
            <p>
              <strong>{message.author.fullName}</strong>
              <span className="muted">
                {' · '}
                {formatDateTime(message.createdAt)}
                {message.edited ? ` · ${t('moderation.edited')}` : ''}
              </span>
            </p>
            {message.deleted ? (
              <p className="muted">{t('moderation.deleted')}</p>
            ) : (
              <>
                <p className="audit-value">{message.text}</p>
                {message.attachment ? <p className="muted">{message.attachment.fileName}</p> : null}
                <button
                  type="button"
                  className="button button--danger button--small"
                  aria-label={t('moderation.deleteFrom', { name: message.author.fullName })}
                  onClick={() => setDeleting(message)}
                >
                  <Trash2 className="icon" size={16} aria-hidden="true" focusable="false" /> {t('moderation.delete')}
                </button>
              </>
            )}
          </li>
        ))}
      </ol>
      {remove.isError ? <p className="text-error">{describeError(remove.error, t)}</p> : null}
      <ConfirmDialog
        open={deleting !== null}
        title={t('moderation.confirmTitle')}
        message={t('moderation.confirmMessage', { name: deleting?.author.fullName ?? '' })}
        confirmLabel={t('moderation.delete')}
        busy={remove.isPending}
        onConfirm={() => deleting !== null && remove.mutate(deleting)}
        onCancel={() => setDeleting(null)}
      />
    </section>
  );
}
