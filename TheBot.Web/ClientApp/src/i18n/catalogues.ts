import type { Language } from './language';
import { en } from './messages/en';
import type { Catalogue } from './translate';

/**
 * The texts of each language. English is in the entry bundle (it is every other language's fallback); the others are
 * fetched when first needed, so nobody downloads and parses a language they do not read.
 */
const loaded: Partial<Record<Language, Catalogue>> = { en };

const fetchers: Record<Exclude<Language, 'en'>, () => Promise<Catalogue>> = {
  ru: async () => (await import('./messages/ru')).ru,
};

export function loadedCatalogue(language: Language): Catalogue | undefined {
  return loaded[language];
}

export async function loadCatalogue(language: Language): Promise<Catalogue> {
  const ready = loaded[language];
  if (ready !== undefined) {
    return ready;
  }
  const catalogue = language === 'en' ? en : await fetchers[language]();
  loaded[language] = catalogue;
  return catalogue;
}
