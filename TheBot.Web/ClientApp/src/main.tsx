import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { registerServiceWorker } from './pwa/serviceWorker';
import './styles/global.css';

const root = document.getElementById('root');
if (root === null) {
  throw new Error('index.html has no #root element.');
}

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The installed app's offline shell and update prompt; `npm run dev` serves no worker.
if (import.meta.env.PROD) {
  window.addEventListener('load', () => registerServiceWorker());
}
