import { en, type MessageKey } from './messages/en';
import type { Language } from './language';

export type Catalogue = Partial<Record<MessageKey, string>>;
export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * A translator for one language: its catalogue first, then English, then the key itself — a missing
 * translation shows English text rather than a blank.
 */
export function createTranslator(catalogues: Readonly<Record<Language, Catalogue>>, language: Language): Translate {
  const primary = catalogues[language];
  return (key, params) => interpolate(primary[key] ?? catalogues.en[key] ?? en[key] ?? key, params);
}

/** Replaces {name} placeholders; unknown placeholders stay as written. */
export function interpolate(template: string, params?: MessageParams): string {
  if (params === undefined) {
    return template;
  }
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );
}
