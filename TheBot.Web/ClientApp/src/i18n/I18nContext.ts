import { createContext, useContext } from 'react';
import type { Language } from './language';
import type { Translate } from './translate';

export interface I18n {
  language: Language;
  t: Translate;
  /** Switches the UI language and remembers the choice on this device. */
  setLanguage(language: Language): void;
  /** Adopts the profile's language unless the user picked one on this device. */
  adoptProfileLanguage(language: string | null | undefined): void;
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
