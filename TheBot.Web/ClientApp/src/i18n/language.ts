export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The supported language of a BCP 47 tag such as "ru-RU" or "en-GB", if any. */
export function languageOfTag(tag: string): Language | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLanguage(primary) ? primary : null;
}

export interface LanguageSources {
  /** The preference stored in the signed-in user's profile. */
  profile?: string | null | undefined;
  /** What was picked with the switcher on this device (signed out, or before the profile is known). */
  chosen?: string | null | undefined;
  /** navigator.languages, most preferred first. */
  browser?: readonly string[] | undefined;
}

/**
 * The UI language: signed in, the profile's (switching saves it there, so it follows the user to every
 * device); otherwise this device's choice, then the browser's first supported one, then English.
 */
export function pickLanguage(sources: LanguageSources): Language {
  if (isLanguage(sources.profile)) {
    return sources.profile;
  }
  if (isLanguage(sources.chosen)) {
    return sources.chosen;
  }
  for (const tag of sources.browser ?? []) {
    const language = languageOfTag(tag);
    if (language !== null) {
      return language;
    }
  }
  return DEFAULT_LANGUAGE;
}
