/**
 * Unsent text kept per user and room in the browser's storage, so a half-written message survives leaving the room,
 * a reload or a closed tab, and another person signing in on the same device does not see it.
 */

/** The part of the Web Storage API drafts use (localStorage in the app, a map in tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const prefix = 'thebot.chat.draft';

export function draftKey(userId: string, roomId: string): string {
  return `${prefix}:${userId}:${roomId}`;
}

/** The browser's localStorage, or null where it is unavailable (private modes that refuse it, no window). */
export function browserDraftStorage(): DraftStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function loadDraft(storage: DraftStorage | null, userId: string, roomId: string): string {
  if (storage === null || userId === '') {
    return '';
  }
  try {
    return storage.getItem(draftKey(userId, roomId)) ?? '';
  } catch {
    return '';
  }
}

/** Keeps the text; blank text removes the draft. A full or refused storage only loses the draft. */
export function saveDraft(storage: DraftStorage | null, userId: string, roomId: string, text: string): void {
  if (storage === null || userId === '') {
    return;
  }
  try {
    if (text.trim() === '') {
      storage.removeItem(draftKey(userId, roomId));
    } else {
      storage.setItem(draftKey(userId, roomId), text);
    }
  } catch {
    // Quota exceeded or storage disabled: the draft is a convenience, the message itself is unaffected.
  }
}

export function clearDraft(storage: DraftStorage | null, userId: string, roomId: string): void {
  saveDraft(storage, userId, roomId, '');
}
