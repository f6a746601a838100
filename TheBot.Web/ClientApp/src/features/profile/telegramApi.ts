import type { ApiClient } from '../../api/ApiClient';
import type { Schemas } from '../../api/schemas';

export type TelegramStatus = Schemas['TelegramStatusResponse'];

export type TelegramLink = Schemas['TelegramLinkResponse'];

export const telegramKey = ['profile', 'telegram'] as const;

/** Whether the account is linked to a Telegram chat; asked again every few seconds while a link waits to be opened. */
export function telegramStatusQuery(api: ApiClient, waitingForLink = false) {
  return {
    queryKey: telegramKey,
    queryFn: ({ signal }: { signal: AbortSignal }) => api.get<TelegramStatus>('/api/profile/telegram', { signal }),
    refetchInterval: waitingForLink ? 3000 : (false as const),
  };
}

/** A one-time deep link (valid 10 minutes) that links the Telegram chat it is opened in. */
export function createTelegramLink(api: ApiClient): Promise<TelegramLink> {
  return api.post<TelegramLink>('/api/profile/telegram/link');
}

export function unlinkTelegram(api: ApiClient): Promise<void> {
  return api.delete('/api/profile/telegram');
}

/** What the profile shows: no bot on this TheBot, not linked, linked, or linked but the bot was blocked. */
export type TelegramState = 'unavailable' | 'notLinked' | 'linked' | 'blocked';

export function telegramState(status: TelegramStatus): TelegramState {
  if (status.linked) {
    return status.blockedAt !== null ? 'blocked' : 'linked';
  }
  return status.available ? 'notLinked' : 'unavailable';
}

/** Whether a link the profile is showing can still be opened (links expire after 10 minutes). */
export function isLinkUsable(link: TelegramLink | null, now: Date = new Date()): link is TelegramLink {
  return link !== null && Date.parse(link.expiresAt) > now.getTime();
}
