import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Writes into the built service worker (public/sw.js) what it precaches — index.html, the manifest, the icons, the
 * entry's and the signed-in frame's scripts and styles — and a build id made from the hashed file names, so every
 * release is a new worker (the "update available" prompt) and an unchanged build is not.
 */
function stampServiceWorker(): Plugin {
  return {
    name: 'thebot-stamp-service-worker',
    apply: 'build',
    writeBundle(options, bundle) {
      const outDir = options.dir ?? '../wwwroot';
      const shell = new Set<string>([
        '/',
        '/manifest.webmanifest',
        '/favicon.svg',
        '/icons/icon.svg',
        '/icons/icon-192.png',
      ]);
      for (const file of Object.values(bundle)) {
        // The entry, and the signed-in frame (its own chunk, so that the public pages do not carry it).
        if (file.type === 'chunk' && (file.isEntry || file.facadeModuleId?.endsWith('/src/layout/AppShell.tsx') === true)) {
          shell.add(`/${file.fileName}`);
          file.imports.forEach((name) => shell.add(`/${name}`));
          file.viteMetadata?.importedCss.forEach((name) => shell.add(`/${name}`));
        }
        // Every language's texts, which the app fetches on first use: the offline shell speaks them all.
        if (file.type === 'chunk' && file.facadeModuleId?.includes('/src/i18n/messages/') === true) {
          shell.add(`/${file.fileName}`);
        }
      }
      const build = createHash('sha256').update(Object.keys(bundle).sort().join('\n')).digest('hex').slice(0, 16);
      const worker = join(outDir, 'sw.js');
      const source = readFileSync(worker, 'utf8');
      if (!source.includes("'__THEBOT_BUILD__'") || !source.includes("const SHELL = ['/'];")) {
        throw new Error('public/sw.js lost its BUILD or SHELL placeholder.');
      }
      writeFileSync(
        worker,
        source.replace("'__THEBOT_BUILD__'", JSON.stringify(build)).replace("const SHELL = ['/'];", `const SHELL = ${JSON.stringify([...shell])};`),
      );
    },
  };
}

// The front door (TheBot.Web) serves the built app from ../wwwroot. `npm run dev` serves it with hot reload
// and sends /api and /hubs to a running front door (THEBOT_FRONT_DOOR, default http://localhost:3000).
const frontDoor = process.env.THEBOT_FRONT_DOOR ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react(), stampServiceWorker()],
  build: {
    outDir: '../wwwroot',
    emptyOutDir: true,
    assetsDir: 'assets',
    // No source maps in the shipped bundle; the front door refuses *.map anyway.
    sourcemap: false,
    // Everything is a file: no inline data: scripts or styles that the CSP would have to allow.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      '/api': { target: frontDoor, changeOrigin: false },
      '/hubs': { target: frontDoor, ws: true, changeOrigin: false },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    restoreMocks: true,
  },
});
