import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { PagedList } from '../../ui/PagedList';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { SearchBox } from '../../ui/SearchBox';
import { moderatedRoomsQuery, type ModeratedRoom, type RoomFilter } from './moderationApi';
import { ModeratedRoomMessages } from './ModeratedRoomMessages';

/** Every chat room: find rooms by a member's name (or ?memberId=), open one to read it, delete what must go. */
export function ChatModerationPage() {
  const { t, formatDateTime } = useI18n();
  const api = useApi();
  const [params] = useSearchParams();
  const [filter, setFilter] = useState<RoomFilter>(() => ({ search: '', memberId: params.get('memberId') ?? '', page: 1 }));
  const [open, setOpen] = useState<ModeratedRoom | null>(null);
  const query = useQuery({ ...moderatedRoomsQuery(api, filter), placeholderData: keepPreviousData });
  const refine = (changes: Partial<RoomFilter>) => setFilter((current) => ({ ...current, ...changes, page: changes.page ?? 1 }));
  const roomTitle = (room: ModeratedRoom) =>
    (room.subjectName === null || room.subjectName === undefined ? '' : `${room.subjectName}: `) +
    room.members.map((member) => member.fullName).join(', ');

  return (
    <section className="page">
      <PageHeading title={t('moderation.title')}>{t('moderation.title')}</PageHeading>
      <p className="muted">{t('moderation.intro')}</p>
      <div className="toolbar">
        <SearchBox label={t('moderation.search')} name="roomSearch" onSearch={(search) => refine({ search, memberId: '' })} />
      </div>
      <PagedList query={query} empty={t('moderation.empty')} onPage={(page) => refine({ page })}>
        {(items, page) => (
          <>
            <p className="muted">{t('moderation.count', { count: page.totalCount })}</p>
            <ScrollRegion label={t('moderation.rooms')}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('moderation.room')}</th>
                    <th scope="col">{t('moderation.kind')}</th>
                    <th scope="col">{t('moderation.messageCount')}</th>
                    <th scope="col">{t('moderation.lastMessage')}</th>
                    <th scope="col">{t('users.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((room) => (
                    <tr key={room.id} data-room={room.id}>
                      <td>{roomTitle(room)}</td>
                      <td>{t(`moderation.kind.${room.kind}`)}</td>
                      <td>{room.messageCount}</td>
                      <td>{room.lastMessageAt ? formatDateTime(room.lastMessageAt) : '—'}</td>
                      <td>
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          aria-pressed={open?.id === room.id}
                          onClick={() => setOpen(room)}
                        >
                          {t('moderation.read')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </>
        )}
      </PagedList>
      {open !== null ? <ModeratedRoomMessages key={open.id} room={open} title={roomTitle(open)} /> : null}
    </section>
  );
}
