import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const generated = fileURLToPath(new URL('../../libs/api-client/src/generated/index.ts', import.meta.url));

// The console lives under /console/ beside the API (ADR 0040); `npm run console:dev` proxies the API to a running CRM.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [react()],
  resolve: { alias: { '@crm/api-client/generated': generated } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  // Everything but the console itself goes to the CRM.
  server: { proxy: { '^/(?!console)': process.env.CRM_URL ?? 'http://127.0.0.1:3000' } },
});
