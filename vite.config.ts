import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { sitePlugin } from './scripts/vite-site-plugin.mjs';

export default defineConfig({
  // Relative asset URLs: the built site works under any path (e.g. a project page /saebench-explorer/).
  base: './',
  plugins: [react(), sitePlugin()],
  // plotly's partial bundle expects Node's `global`.
  define: { global: 'globalThis' },
  // Plotly's text layer (gl-text) asks for `regl`, Plotly itself for its fork `@plotly/regl`: one copy serves both.
  resolve: { alias: { regl: '@plotly/regl' } },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
  build: { chunkSizeWarningLimit: 2000 },
  test: {
    include: ['tests/**/*.test.ts'],
    env: { VK_ICD_FILENAMES: '/usr/lib/chromium/vk_swiftshader_icd.json' },
    testTimeout: 60_000,
  },
});
