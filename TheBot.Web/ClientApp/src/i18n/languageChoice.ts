import { pickLanguage, type Language } from './language';

const STORAGE_KEY = 'thebot.language';

/** The language picked with the switcher on this device, if any. */
export function readChosen(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberChosen(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

/** The language the first screen will most likely be in (the profile's is not known before sign-in). */
export function likelyLanguage(): Language {
  return pickLanguage({ chosen: readChosen(), browser: navigator.languages });
}
