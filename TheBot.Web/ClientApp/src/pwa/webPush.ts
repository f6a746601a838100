/**
 * Web Push on this device: asks the browser's permission, subscribes through the service worker's pushManager with
 * the server's VAPID public key and sends the subscription to the API; turning it off unsubscribes and deletes it.
 * The browser APIs come in through PushEnvironment so the flow can be tested without a browser.
 */
import type { ApiClient } from '../api/ApiClient';
import { isApiError } from '../api/ApiError';

/** unsupported: no service worker or Push API (or the server has no keys); blocked: the person said no in the browser. */
export type PushState = 'unsupported' | 'blocked' | 'off' | 'on';

export interface PushEnvironment {
  readonly supported: boolean;
  permission(): NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  pushManager(): Promise<PushManager>;
}

type PushApi = Pick<ApiClient, 'get' | 'put' | 'delete'>;

export function browserPushEnvironment(): PushEnvironment {
  const supported =
    typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
  return {
    supported,
    permission: () => Notification.permission,
    requestPermission: () => Notification.requestPermission(),
    pushManager: async () => (await navigator.serviceWorker.ready).pushManager,
  };
}

/** The server's VAPID public key, or null when Web Push is not configured there (404). */
export async function serverPublicKey(api: PushApi): Promise<string | null> {
  try {
    return (await api.get<{ publicKey: string }>('/api/push/public-key')).publicKey;
  } catch (error) {
    if (isApiError(error) && error.status === 404) {
      return null;
    }
    throw error;
  }
}

/** base64url (as the API gives the key) to the bytes pushManager.subscribe wants. */
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}

/** Whether a subscription was made with this key (a server with new keys needs a new subscription). */
export function sameKey(subscriptionKey: ArrayBuffer | null | undefined, key: Uint8Array): boolean {
  if (!subscriptionKey) {
    return true; // the browser does not say: keep it
  }
  const bytes = new Uint8Array(subscriptionKey);
  return bytes.length === key.length && bytes.every((byte, i) => byte === key[i]);
}

/** What PUT /api/push/subscriptions takes, from PushSubscription.toJSON(). */
export function subscriptionBody(json: PushSubscriptionJSON): { endpoint: string; p256dh: string; auth: string } {
  const { endpoint, keys } = json;
  if (!endpoint || !keys?.p256dh || !keys.auth) {
    throw new Error('The browser gave a push subscription without its endpoint or keys.');
  }
  return { endpoint, p256dh: keys.p256dh, auth: keys.auth };
}

/** Where push stands on this device now. */
export async function pushState(env: PushEnvironment): Promise<PushState> {
  if (!env.supported) {
    return 'unsupported';
  }
  if (env.permission() === 'denied') {
    return 'blocked';
  }
  if (env.permission() !== 'granted') {
    return 'off';
  }
  return (await (await env.pushManager()).getSubscription()) === null ? 'off' : 'on';
}

/** Asks permission, subscribes (again if the server's key changed) and tells the API. */
export async function enablePush(api: PushApi, env: PushEnvironment): Promise<PushState> {
  if (!env.supported) {
    return 'unsupported';
  }
  const permission = env.permission() === 'granted' ? 'granted' : await env.requestPermission();
  if (permission !== 'granted') {
    return permission === 'denied' ? 'blocked' : 'off';
  }
  const publicKey = await serverPublicKey(api);
  if (publicKey === null) {
    return 'unsupported';
  }
  const key = applicationServerKey(publicKey);
  const manager = await env.pushManager();
  let subscription = await manager.getSubscription();
  if (subscription !== null && !sameKey(subscription.options.applicationServerKey, key)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await manager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  await api.put('/api/push/subscriptions', subscriptionBody(subscription.toJSON()));
  return 'on';
}

/** Stops push on this device: the API forgets the subscription, the browser drops it. */
export async function disablePush(api: PushApi, env: PushEnvironment): Promise<PushState> {
  if (!env.supported) {
    return 'unsupported';
  }
  const subscription = await (await env.pushManager()).getSubscription();
  if (subscription !== null) {
    await api.delete(`/api/push/subscriptions?endpoint=${encodeURIComponent(subscription.endpoint)}`);
    await subscription.unsubscribe();
  }
  return env.permission() === 'denied' ? 'blocked' : 'off';
}

/**
 * Sends an existing subscription again (on opening the settings): the server keeps it fresh, and a browser now
 * signed in as someone else gets that person's notifications.
 */
export async function renewPush(api: PushApi, env: PushEnvironment): Promise<void> {
  if (!env.supported || env.permission() !== 'granted') {
    return;
  }
  const subscription = await (await env.pushManager()).getSubscription();
  if (subscription !== null) {
    await api.put('/api/push/subscriptions', subscriptionBody(subscription.toJSON()));
  }
}
