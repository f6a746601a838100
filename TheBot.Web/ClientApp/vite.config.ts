import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The front door (TheBot.Web) serves the built app from ../wwwroot. `npm run dev` serves it with hot reload
// and sends /api and /hubs to a running front door (THEBOT_FRONT_DOOR, default http://localhost:3000).
const frontDoor = process.env.THEBOT_FRONT_DOOR ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
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
