import { createContext, useContext } from 'react';
import type { Language } from './language';
import type { Translate } from './translate';

export interface I18n {
  language: Language;
  t: Translate;
  /** Switches the UI language at once: remembered on this device and, signed in, saved to the profile. */
  setLanguage(language: Language): void;
  /** The zone times are shown in: the signed-in user's profile zone (else the device's). */
  timeZone: string;
  /** True when `timeZone` is not the device's own, so pages say which zone their times are in. */
  timeZoneDiffers: boolean;
  /** Date and time in `timeZone`: "5 Dec 2026, 18:00". */
  formatDateTime(value: string | number | Date): string;
  /** Time of day in `timeZone`: "18:00". */
  formatTime(value: string | number | Date): string;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (i18n === null) {
    throw new Error('useI18n must be used inside <I18nProvider>.');
  }
  return i18n;
}
