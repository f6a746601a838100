import { describe, expect, it } from 'vitest';
import { en } from '../../../i18n/messages/en';
import { knowledgeEn } from './en';
import { knowledgeRu } from './ru';

describe('the knowledge pages’ texts', () => {
  it('have a Russian text for every English key, none empty', () => {
    expect(Object.keys(knowledgeRu).sort()).toEqual(Object.keys(knowledgeEn).sort());
    for (const value of [...Object.values(knowledgeRu), ...Object.values(knowledgeEn)]) {
      expect(value.trim()).not.toBe('');
    }
  });

  it('keep the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(knowledgeEn)) {
      expect(placeholders(knowledgeRu[key as keyof typeof knowledgeEn]), key).toEqual(placeholders(text));
    }
  });

  it('do not repeat a key of the app’s catalogue', () => {
    expect(Object.keys(knowledgeEn).filter((key) => Object.hasOwn(en, key))).toEqual([]);
  });
});
