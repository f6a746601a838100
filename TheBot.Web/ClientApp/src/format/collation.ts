/**
 * Text in the order people of the UI language expect: a Russian reader finds Cyrillic names before Latin ones
 * ("Анна" before "teacher 1a2b…"), digits compare as numbers, letter case and accents do not split names.
 */
export function collatorFor(language: string): Intl.Collator {
  return new Intl.Collator(language === 'ru' ? 'ru-RU' : 'en-GB', { sensitivity: 'base', numeric: true });
}

/** A copy of `items` sorted by `label` in the UI language's collation. */
export function sortByLabel<T>(items: readonly T[], label: (item: T) => string, language: string): T[] {
  const collator = collatorFor(language);
  return [...items].sort((a, b) => collator.compare(label(a), label(b)));
}

/** Whether `text` contains `search`, ignoring case and accents as the collation does (ё matches е). */
export function matchesSearch(text: string, search: string, language: string): boolean {
  const needle = fold(search.trim(), language);
  return needle === '' || fold(text, language).includes(needle);
}

function fold(text: string, language: string): string {
  return text
    .toLocaleLowerCase(language === 'ru' ? 'ru-RU' : 'en-GB')
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '');
}
