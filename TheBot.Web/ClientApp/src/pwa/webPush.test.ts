import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../api/ApiClient';
import { ApiError } from '../api/ApiError';
import {
  applicationServerKey,
  disablePush,
  enablePush,
  pushState,
  renewPush,
  sameKey,
  subscriptionBody,
  type PushEnvironment,
} from './webPush';

const KEY = 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U';

function fakeSubscription(endpoint: string, key: Uint8Array | null) {
  return {
    endpoint,
    options: { applicationServerKey: key?.buffer ?? null },
    unsubscribe: vi.fn(() => Promise.resolve(true)),
    toJSON: () => ({ endpoint, keys: { p256dh: 'p256dh-of-' + endpoint, auth: 'auth-of-' + endpoint } }),
  };
}

function fakeEnvironment(permission: NotificationPermission, existing: ReturnType<typeof fakeSubscription> | null, answer: NotificationPermission = 'granted') {
  let current = existing;
  let granted = permission;
  const subscribe = vi.fn((options: PushSubscriptionOptionsInit) => {
    current = fakeSubscription('https://push.example/new', options.applicationServerKey as Uint8Array);
    return Promise.resolve(current);
  });
  const env: PushEnvironment = {
    supported: true,
    permission: () => granted,
    requestPermission: vi.fn(() => {
      granted = answer;
      return Promise.resolve(answer);
    }),
    pushManager: () =>
      Promise.resolve({
        getSubscription: () => Promise.resolve(current),
        subscribe,
      } as unknown as PushManager),
  };
  return { env, subscribe };
}

function fakeApi(publicKey: string | null = KEY) {
  return {
    get: vi.fn(() =>
      publicKey === null ? Promise.reject(new ApiError(404, { title: 'Not found', status: 404 })) : Promise.resolve({ publicKey }),
    ),
    put: vi.fn(() => Promise.resolve({})),
    delete: vi.fn(() => Promise.resolve()),
  };
}

const asApi = (api: ReturnType<typeof fakeApi>) => api as unknown as ApiClient;

describe('Web Push keys and subscriptions', () => {
  it('turns the base64url VAPID key into its 65 bytes', () => {
    const bytes = applicationServerKey(KEY);
    expect(bytes.length).toBe(65);
    expect(bytes[0]).toBe(4);
  });

  it('knows a subscription made with another key', () => {
    const key = applicationServerKey(KEY);
    expect(sameKey(key.slice().buffer, key)).toBe(true);
    const other = key.slice();
    other[10] = (other[10] ?? 0) ^ 1;
    expect(sameKey(other.buffer, key)).toBe(false);
    expect(sameKey(null, key)).toBe(true);
  });

  it('sends the endpoint and both keys, and refuses a subscription without them', () => {
    expect(subscriptionBody({ endpoint: 'https://push.example/1', keys: { p256dh: 'p', auth: 'a' } })).toEqual({
      endpoint: 'https://push.example/1',
      p256dh: 'p',
      auth: 'a',
    });
    expect(() => subscriptionBody({ endpoint: 'https://push.example/1', keys: {} })).toThrow();
  });
});

describe('the push toggle', () => {
  it('asks permission, subscribes with the server key and sends the subscription', async () => {
    const { env, subscribe } = fakeEnvironment('default', null);
    const api = fakeApi();
    expect(await pushState(env)).toBe('off');

    expect(await enablePush(asApi(api), env)).toBe('on');
    expect(env.requestPermission).toHaveBeenCalledOnce();
    expect(subscribe).toHaveBeenCalledWith({ userVisibleOnly: true, applicationServerKey: applicationServerKey(KEY) });
    expect(api.put).toHaveBeenCalledWith('/api/push/subscriptions', {
      endpoint: 'https://push.example/new',
      p256dh: 'p256dh-of-https://push.example/new',
      auth: 'auth-of-https://push.example/new',
    });
    expect(await pushState(env)).toBe('on');
  });

  it('stays off when the person says no, and says blocked when they block', async () => {
    const dismissed = fakeEnvironment('default', null, 'default');
    expect(await enablePush(asApi(fakeApi()), dismissed.env)).toBe('off');
    const blocked = fakeEnvironment('default', null, 'denied');
    const api = fakeApi();
    expect(await enablePush(asApi(api), blocked.env)).toBe('blocked');
    expect(api.put).not.toHaveBeenCalled();
    expect(await pushState(blocked.env)).toBe('blocked');
  });

  it('subscribes again when the server has new keys', async () => {
    const old = fakeSubscription('https://push.example/old', new Uint8Array(65).fill(7));
    const { env, subscribe } = fakeEnvironment('granted', old);
    await enablePush(asApi(fakeApi()), env);
    expect(old.unsubscribe).toHaveBeenCalledOnce();
    expect(subscribe).toHaveBeenCalledOnce();
  });

  it('offers nothing when the server has no push configured', async () => {
    const { env, subscribe } = fakeEnvironment('granted', null);
    expect(await enablePush(asApi(fakeApi(null)), env)).toBe('unsupported');
    expect(subscribe).not.toHaveBeenCalled();
  });

  it('off deletes the subscription on the server and in the browser', async () => {
    const current = fakeSubscription('https://push.example/a b', applicationServerKey(KEY));
    const { env } = fakeEnvironment('granted', current);
    const api = fakeApi();
    expect(await disablePush(asApi(api), env)).toBe('off');
    expect(api.delete).toHaveBeenCalledWith('/api/push/subscriptions?endpoint=https%3A%2F%2Fpush.example%2Fa%20b');
    expect(current.unsubscribe).toHaveBeenCalledOnce();
  });

  it('renews an existing subscription and asks nothing', async () => {
    const current = fakeSubscription('https://push.example/1', applicationServerKey(KEY));
    const { env } = fakeEnvironment('granted', current);
    const api = fakeApi();
    await renewPush(asApi(api), env);
    expect(api.put).toHaveBeenCalledOnce();
    expect(env.requestPermission).not.toHaveBeenCalled();
  });

  it('says unsupported without a service worker or Push API', async () => {
    const env: PushEnvironment = {
      supported: false,
      permission: () => 'default',
      requestPermission: () => Promise.resolve('default'),
      pushManager: () => Promise.reject(new Error('none')),
    };
    expect(await pushState(env)).toBe('unsupported');
    expect(await enablePush(asApi(fakeApi()), env)).toBe('unsupported');
  });
});
