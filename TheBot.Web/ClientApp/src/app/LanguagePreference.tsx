import { useCallback, type ReactNode } from 'react';
import { useAuth } from '../auth/useAuth';
import { saveLanguage, profileKey } from '../features/profile/profileApi';
import { I18nProvider } from '../i18n/I18nProvider';
import type { Language } from '../i18n/language';
import { useServices } from '../services/ServicesContext';

/**
 * Signed in, the UI speaks the language saved in the user's profile from sign-in on, on every page and
 * device; switching applies at once and is saved to the profile (put back if the save fails). Times are
 * shown in the profile's time zone likewise.
 */
export function LanguagePreference({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const { session, api, queryClient } = useServices();

  const save = useCallback(
    (language: Language) => {
      const previous = session.user?.language;
      if (previous === undefined || previous === language) {
        return;
      }
      session.updateUser({ language });
      saveLanguage(api, language).then(
        () => void queryClient.invalidateQueries({ queryKey: profileKey }),
        () => session.updateUser({ language: previous }),
      );
    },
    [session, api, queryClient],
  );

  return (
    <I18nProvider profileLanguage={user?.language ?? null} profileTimeZone={user?.timeZone ?? null} onChoose={save}>
      {children}
    </I18nProvider>
  );
}
