import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../api/ApiClient';
import { createTelegramLink, isLinkUsable, telegramState, telegramStatusQuery, unlinkTelegram, type TelegramStatus } from './telegramApi';

const status = (overrides: Partial<TelegramStatus>): TelegramStatus => ({
  available: true,
  botUsername: 'thebot_bot',
  linked: false,
  username: null,
  linkedAt: null,
  blockedAt: null,
  blockedReason: null,
  ...overrides,
});

describe('telegramApi', () => {
  it('asks for the status, a link, and unlinking at the profile endpoints', async () => {
    const get = vi.fn().mockResolvedValue(status({}));
    const post = vi.fn().mockResolvedValue({ url: 'https://t.me/thebot_bot?start=link_x', expiresAt: '2026-12-06T20:10:00Z' });
    const del = vi.fn().mockResolvedValue(undefined);
    const api = { get, post, delete: del } as unknown as ApiClient;
    const signal = new AbortController().signal;

    await telegramStatusQuery(api).queryFn({ signal });
    const link = await createTelegramLink(api);
    await unlinkTelegram(api);

    expect(get).toHaveBeenCalledWith('/api/profile/telegram', { signal });
    expect(post).toHaveBeenCalledWith('/api/profile/telegram/link');
    expect(link.url).toBe('https://t.me/thebot_bot?start=link_x');
    expect(del).toHaveBeenCalledWith('/api/profile/telegram');
  });

  it('polls the status only while a link waits to be opened', () => {
    const api = {} as ApiClient;
    expect(telegramStatusQuery(api).refetchInterval).toBe(false);
    expect(telegramStatusQuery(api, true).refetchInterval).toBeGreaterThan(0);
  });

  it('tells unavailable, not linked, linked and blocked apart', () => {
    expect(telegramState(status({ available: false, botUsername: null }))).toBe('unavailable');
    expect(telegramState(status({}))).toBe('notLinked');
    expect(telegramState(status({ linked: true, username: 'kid_parent', linkedAt: '2026-12-06T19:00:00Z' }))).toBe('linked');
    expect(telegramState(status({ linked: true, linkedAt: '2026-12-06T19:00:00Z', blockedAt: '2026-12-06T19:30:00Z' }))).toBe('blocked');
  });

  it('offers a link only until it expires', () => {
    const now = new Date('2026-12-06T20:00:00Z');
    expect(isLinkUsable(null, now)).toBe(false);
    expect(isLinkUsable({ url: 'https://t.me/b?start=link_x', expiresAt: '2026-12-06T20:09:59Z' }, now)).toBe(true);
    expect(isLinkUsable({ url: 'https://t.me/b?start=link_x', expiresAt: '2026-12-06T19:59:59Z' }, now)).toBe(false);
  });
});
