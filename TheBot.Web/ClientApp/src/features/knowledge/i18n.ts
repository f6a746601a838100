import { useMemo } from 'react';
import { useI18n, type I18n } from '../../i18n/I18nContext';
import type { Language } from '../../i18n/language';
import type { MessageKey } from '../../i18n/messages/en';
import { interpolate, type MessageParams } from '../../i18n/translate';
import { knowledgeEn, type KnowledgeKey } from './messages/en';
import { knowledgeRu } from './messages/ru';

export type KnowledgeTranslate = (key: KnowledgeKey | MessageKey, params?: MessageParams) => string;

const catalogues: Record<Language, Partial<Record<KnowledgeKey, string>>> = { en: knowledgeEn, ru: knowledgeRu };

export function isKnowledgeKey(key: string): key is KnowledgeKey {
  return Object.hasOwn(knowledgeEn, key);
}

/** The app's i18n, with `t` knowing the knowledge pages' own texts too (in the chosen language, else English). */
export function useKnowledgeI18n(): Omit<I18n, 't'> & { t: KnowledgeTranslate } {
  const i18n = useI18n();
  return useMemo(() => {
    const t: KnowledgeTranslate = (key, params) =>
      isKnowledgeKey(key) ? interpolate(catalogues[i18n.language][key] ?? knowledgeEn[key], params) : i18n.t(key, params);
    return { ...i18n, t };
  }, [i18n]);
}
