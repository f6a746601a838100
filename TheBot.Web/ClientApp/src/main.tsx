import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadCatalogue } from './i18n/catalogues';
import { likelyLanguage } from './i18n/languageChoice';
import { registerServiceWorker } from './pwa/serviceWorker';
import './styles/global.css';

const root = document.getElementById('root');
if (root === null) {
  throw new Error('index.html has no #root element.');
}

// The first screen's language is fetched before it is drawn, so it does not open in English and switch.
void loadCatalogue(likelyLanguage())
  .catch(() => undefined)
  .then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );

// The installed app's offline shell and update prompt; `npm run dev` serves no worker.
if (import.meta.env.PROD) {
  window.addEventListener('load', () => registerServiceWorker());
}
