import { describe, expect, it } from 'vitest';
import { clearDraft, draftKey, loadDraft, saveDraft, type DraftStorage } from './drafts';

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

describe('chat drafts', () => {
  it('keeps a draft per user and room and restores it', () => {
    const storage = memoryStorage();
    saveDraft(storage, 'u1', 'r1', 'Half a thought');
    saveDraft(storage, 'u1', 'r2', 'Another room');
    saveDraft(storage, 'u2', 'r1', 'Someone else on this device');
    expect(loadDraft(storage, 'u1', 'r1')).toBe('Half a thought');
    expect(loadDraft(storage, 'u1', 'r2')).toBe('Another room');
    expect(loadDraft(storage, 'u2', 'r1')).toBe('Someone else on this device');
    expect(loadDraft(storage, 'u2', 'r2')).toBe('');
  });

  it('keeps the text as written, new lines included', () => {
    const storage = memoryStorage();
    saveDraft(storage, 'u1', 'r1', '  line one\nline two ');
    expect(loadDraft(storage, 'u1', 'r1')).toBe('  line one\nline two ');
  });

  it('clearing (on send) or blanking the text removes the stored entry', () => {
    const storage = memoryStorage();
    saveDraft(storage, 'u1', 'r1', 'to send');
    clearDraft(storage, 'u1', 'r1');
    expect(storage.items.has(draftKey('u1', 'r1'))).toBe(false);
    saveDraft(storage, 'u1', 'r1', 'typed');
    saveDraft(storage, 'u1', 'r1', '   ');
    expect(storage.items.size).toBe(0);
    expect(loadDraft(storage, 'u1', 'r1')).toBe('');
  });

  it('does nothing without storage or a signed-in user, and survives a storage that throws', () => {
    saveDraft(null, 'u1', 'r1', 'text');
    expect(loadDraft(null, 'u1', 'r1')).toBe('');
    const storage = memoryStorage();
    saveDraft(storage, '', 'r1', 'text');
    expect(storage.items.size).toBe(0);
    const broken: DraftStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(() => saveDraft(broken, 'u1', 'r1', 'text')).not.toThrow();
    expect(() => clearDraft(broken, 'u1', 'r1')).not.toThrow();
    expect(loadDraft(broken, 'u1', 'r1')).toBe('');
  });
});
