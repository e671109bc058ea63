import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // plotly's partial bundle expects Node's `global`.
  define: { global: 'globalThis' },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
  build: { chunkSizeWarningLimit: 2000 },
  test: {
    include: ['tests/**/*.test.ts'],
    env: { VK_ICD_FILENAMES: '/usr/lib/chromium/vk_swiftshader_icd.json' },
    testTimeout: 60_000,
  },
});
