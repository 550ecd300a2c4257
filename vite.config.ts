import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

// The web app (web/) is built into dist/web, which the server serves; in development
// `npm run dev:web` proxies the API to the server on port 3000.
export default defineConfig({
  root: path.resolve(root, 'web'),
  plugins: [react()],
  build: {
    outDir: path.resolve(root, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
