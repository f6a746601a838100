import { createContext, useContext } from 'react';
import type { Language } from './language';
import type { Translate } from './translate';

export interface I18n {
  language: Language;
  t: Translate;
  /** Switches the UI language at once: remembered on this device and, signed in, saved to the profile. */
  setLanguage(language: Language): void;
  formatDateTime(value: string | number | Date): string;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (i18n === null) {
    throw new Error('useI18n must be used inside <I18nProvider>.');
  }
  return i18n;
}
