/**
 * What an avatar shows when the person has no picture (or while it loads): their initials on a colour chosen from their id, so the
 * same person has the same colour on every page and every device. White text on each colour is at least 4.5:1
 * (WCAG AA), in both themes.
 */
export const AVATAR_COLOURS = [
  '#1d4ed8', // blue
  '#047857', // green
  '#b91c1c', // red
  '#6d28d9', // violet
  '#c2410c', // orange
  '#0e7490', // cyan
  '#be185d', // pink
  '#4338ca', // indigo
] as const;

/** Up to two letters: the first letters of the first and last words of the name ("Анна Белова" → "АБ"). */
export function initialsOf(fullName: string, locale?: string): string {
  const words = fullName
    .trim()
    .split(/[\s\-_.@]+/u)
    .filter((word) => word.length > 0);
  if (words.length === 0) {
    return '?';
  }
  const first = firstLetter(words[0] ?? '');
  const last = words.length > 1 ? firstLetter(words[words.length - 1] ?? '') : '';
  return (first + last).toLocaleUpperCase(locale);
}

function firstLetter(word: string): string {
  // A letter or digit, not a bracket or an emoji's half: Array.from splits by code point.
  const chars = Array.from(word);
  return chars.find((char) => /[\p{L}\p{N}]/u.test(char)) ?? chars[0] ?? '';
}

/** Which of the AVATAR_COLOURS is this person's: a stable hash (FNV-1a) of their id. */
export function avatarColourIndex(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % AVATAR_COLOURS.length;
}

/** WCAG relative-luminance contrast between two #rrggbb colours (1–21). */
export function contrastRatio(foreground: string, background: string): number {
  const [a, b] = [luminance(foreground), luminance(background)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

function luminance(hex: string): number {
  const linear = (start: number) => {
    const c = Number.parseInt(hex.slice(start, start + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(1) + 0.7152 * linear(3) + 0.0722 * linear(5);
}
