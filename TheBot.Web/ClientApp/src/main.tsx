import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { preloadSignedIn } from './app/router';
import { loadCatalogue } from './i18n/catalogues';
import { likelyLanguage } from './i18n/languageChoice';
import { registerServiceWorker } from './pwa/serviceWorker';
import './styles/global.css';

const root = document.getElementById('root');
if (root === null) {
  throw new Error('index.html has no #root element.');
}

// A signed-in address fetches its frame and page while the session is restored.
preloadSignedIn(location.pathname);

// The first screen's language is fetched before it is drawn, so it does not open in English and switch.
// Drawn as a transition: React yields to the browser every few milliseconds instead of holding the main
// thread for the whole first render (Lighthouse's total blocking time on a slow phone).
void loadCatalogue(likelyLanguage())
  .catch(() => undefined)
  .then(() =>
    startTransition(() =>
      createRoot(root).render(
        <StrictMode>
          <App />
        </StrictMode>,
      ),
    ),
  );

// The installed app's offline shell and update prompt; `npm run dev` serves no worker.
if (import.meta.env.PROD) {
  window.addEventListener('load', () => registerServiceWorker());
}
