import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { LanguagePreference } from './LanguagePreference';
import { createAppRouter } from './router';
import { createServices } from '../services/services';
import { ServicesContext } from '../services/ServicesContext';

/** What each server event means for the cached data: loaded with the realtime client, once someone is signed in. */
const loadLiveUpdates = () => import('./liveUpdates').then((m) => m.liveUpdates);

export function App() {
  const [services] = useState(createServices);
  const [router] = useState(createAppRouter);

  // Restore the session from the refresh cookie once per page load.
  useEffect(() => {
    void services.session.start();
  }, [services]);

  return (
    <ServicesContext.Provider value={services}>
      <QueryClientProvider client={services.queryClient}>
        <LanguagePreference>
          <RealtimeProvider loadLiveUpdates={loadLiveUpdates}>
            <RouterProvider router={router} />
          </RealtimeProvider>
        </LanguagePreference>
      </QueryClientProvider>
    </ServicesContext.Provider>
  );
}
