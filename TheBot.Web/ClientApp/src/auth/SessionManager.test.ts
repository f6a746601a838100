import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/ApiError';
import type { AuthTransport } from './authTransport';
import type { LockRunner, SignOutChannel } from './crossTab';
import { SessionManager } from './SessionManager';
import type { AuthSession } from './types';

const now = Date.parse('2026-03-01T10:00:00Z');

function session(token: string, lifetimeMs = 15 * 60_000): AuthSession {
  return {
    accessToken: token,
    expiresAt: new Date(Date.now() + lifetimeMs).toISOString(),
    user: { id: 'u1', email: 'student@thebot.local', fullName: 'Student One', role: 'student', language: 'ru', timeZone: 'Europe/Moscow', avatarUrl: null },
  };
}

function transport(overrides: Partial<AuthTransport> = {}): AuthTransport {
  return {
    login: vi.fn(async () => session('login-token')),
    refresh: vi.fn(async () => session('refreshed-token')),
    logout: vi.fn(async () => undefined),
    logoutAll: vi.fn(async () => undefined),
    ...overrides,
  };
}

const noLock = <T>(_name: string, task: () => Promise<T>) => task();

describe('SessionManager', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(now);
  });
  afterEach(() => vi.useRealTimers());

  it('restores the session from the refresh cookie on start', async () => {
    const manager = new SessionManager({ transport: transport(), lock: noLock });
    expect(manager.getState().status).toBe('loading');

    await manager.start();

    expect(manager.getState().status).toBe('authenticated');
    expect(manager.getAccessToken()).toBe('refreshed-token');
  });

  it('applies a change to the user at once and tells its listeners, but only while signed in', async () => {
    const manager = new SessionManager({ transport: transport(), lock: noLock });
    manager.updateUser({ language: 'en' });
    expect(manager.getState().status).toBe('loading');

    await manager.start();
    const listener = vi.fn();
    manager.subscribe(listener);
    manager.updateUser({ language: 'en' });

    expect(listener).toHaveBeenCalledTimes(1);
    expect(manager.user).toEqual({ id: 'u1', email: 'student@thebot.local', fullName: 'Student One', role: 'student', language: 'en', timeZone: 'Europe/Moscow', avatarUrl: null });
    expect(manager.getAccessToken()).toBe('refreshed-token');
  });

  it('is anonymous on start when there is no session', async () => {
    const manager = new SessionManager({ transport: transport({ refresh: vi.fn(async () => null) }), lock: noLock });
    await manager.start();
    expect(manager.getState()).toEqual({ status: 'anonymous' });
    expect(manager.getAccessToken()).toBeNull();
  });

  it('is anonymous on start when the server cannot be reached', async () => {
    const refresh = vi.fn(async () => {
      throw ApiError.network(new TypeError('offline'));
    });
    const manager = new SessionManager({ transport: transport({ refresh }), lock: noLock });
    await manager.start();
    expect(manager.getState().status).toBe('anonymous');
  });

  it('renews the token a minute before it expires, again and again', async () => {
    const refresh = vi.fn(async () => session(`token-${refresh.mock.calls.length}`));
    const manager = new SessionManager({ transport: transport({ refresh }), lock: noLock });
    await manager.signIn('student@thebot.local', 'Pass123$');
    expect(manager.getAccessToken()).toBe('login-token');

    await vi.advanceTimersByTimeAsync(14 * 60_000 - 1);
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(manager.getAccessToken()).toBe('token-1');

    await vi.advanceTimersByTimeAsync(14 * 60_000);
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(manager.getAccessToken()).toBe('token-2');
  });

  it('shares one renewal between concurrent callers (refresh tokens rotate)', async () => {
    let release: (value: AuthSession) => void = () => undefined;
    const refresh = vi.fn(() => new Promise<AuthSession>((resolve) => (release = resolve)));
    const manager = new SessionManager({ transport: transport({ refresh }), lock: noLock });

    const results = [manager.refreshAfterUnauthorized(), manager.refreshAfterUnauthorized(), manager.refresh()];
    release(session('one'));

    expect(await Promise.all(results)).toEqual([true, true, true]);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('renews inside the cross-tab lock', async () => {
    const locked: string[] = [];
    const lock: LockRunner = (name, task) => {
      locked.push(name);
      return task();
    };
    const manager = new SessionManager({ transport: transport(), lock });
    await manager.refresh();
    expect(locked).toEqual(['thebot-auth-refresh']);
  });

  it('ends the session when the server refuses the renewal', async () => {
    const manager = new SessionManager({ transport: transport({ refresh: vi.fn(async () => null) }), lock: noLock });
    await manager.signIn('a@b.c', 'x');

    await expect(manager.refreshAfterUnauthorized()).resolves.toBe(false);
    expect(manager.getState().status).toBe('anonymous');
  });

  it('keeps a still-valid token when a background renewal fails, and tries again soon', async () => {
    const refresh = vi
      .fn<AuthTransport['refresh']>()
      .mockRejectedValueOnce(ApiError.network(new TypeError('offline')))
      .mockResolvedValueOnce(session('after-outage'));
    const manager = new SessionManager({ transport: transport({ refresh }), lock: noLock, retryDelayMs: 5_000 });
    await manager.signIn('a@b.c', 'x');

    await vi.advanceTimersByTimeAsync(14 * 60_000);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(manager.getAccessToken()).toBe('login-token');

    await vi.advanceTimersByTimeAsync(5_000);
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(manager.getAccessToken()).toBe('after-outage');
  });

  it('signs out locally and tells other tabs even when the server call fails', async () => {
    const announce = vi.fn();
    const channel: SignOutChannel = { announce, listen: () => () => undefined };
    const logout = vi.fn(async () => {
      throw ApiError.network(new TypeError('offline'));
    });
    const manager = new SessionManager({ transport: transport({ logout }), lock: noLock, signOutChannel: channel });
    await manager.signIn('a@b.c', 'x');

    await manager.signOut();

    expect(logout).toHaveBeenCalledWith('login-token');
    expect(manager.getState().status).toBe('anonymous');
    expect(announce).toHaveBeenCalledTimes(1);
  });

  it('stops when another tab signs out', async () => {
    let signedOutElsewhere: () => void = () => undefined;
    const channel: SignOutChannel = { announce: vi.fn(), listen: (callback) => ((signedOutElsewhere = callback), () => undefined) };
    const refresh = vi.fn(async () => session('x'));
    const manager = new SessionManager({ transport: transport({ refresh }), lock: noLock, signOutChannel: channel });
    await manager.signIn('a@b.c', 'x');

    signedOutElsewhere();
    await vi.advanceTimersByTimeAsync(60 * 60_000);

    expect(manager.getState().status).toBe('anonymous');
    expect(refresh).not.toHaveBeenCalled();
  });

  it('notifies subscribers of every change', async () => {
    const manager = new SessionManager({ transport: transport(), lock: noLock });
    const listener = vi.fn();
    const unsubscribe = manager.subscribe(listener);
    await manager.start();
    await manager.signOutEverywhere();
    unsubscribe();
    await manager.signIn('a@b.c', 'x');
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
