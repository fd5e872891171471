import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = path.dirname(fileURLToPath(import.meta.url));
/** Where `vite` (dev) and `vite preview` send /api: the Fastify server (`bangfu serve`). */
const apiTarget = process.env.BANGFU_API_URL ?? 'http://localhost:3000';

/** The web app lives in src/web; its build lands in dist/web, which the Fastify server serves. */
export default defineConfig({
  root: path.join(repoRoot, 'src/web'),
  plugins: [react()],
  build: {
    outDir: path.join(repoRoot, 'dist/web'),
    emptyOutDir: true,
    // antd's vendor chunk is large by nature; lazy routes keep the first load small.
    chunkSizeWarningLimit: 900,
  },
  server: {
    port: 5173,
    proxy: { '/api': apiTarget },
  },
  preview: { proxy: { '/api': apiTarget } },
});
