import { defineConfig } from '@playwright/test';

const executablePath = '/usr/bin/chromium';
const args = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost',
];

export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  workers: 1,
  reporter: [['list']],
  webServer: [
    {
      // The production build through the site's own static server (headers, CSP and precompression included);
      // datasets the tests ingest are served from .cache/e2e-data.
      command: 'node scripts/serve.mjs --port 4173 --strict-port --mount /e2e-data/=.cache/e2e-data/',
      url: 'http://localhost:4173',
      reuseExistingServer: !process.env.CI,
    },
    {
      // The same build hosted under a sub-path, as on a project page.
      command: 'node scripts/serve.mjs --port 4174 --strict-port --base /saebench-explorer/',
      url: 'http://localhost:4174/saebench-explorer/',
      reuseExistingServer: !process.env.CI,
    },
  ],
  // Service workers are off except in the offline test (e2e/offline.spec.ts), so that page.route sees every request.
  use: { baseURL: 'http://localhost:4173', acceptDownloads: true, serviceWorkers: 'block', launchOptions: { executablePath, args } },
  projects: [
    { name: 'default', testIgnore: /webgpu/ },
    { name: 'webgpu', testMatch: /webgpu/, use: { launchOptions: { executablePath, args: [...args, '--enable-unsafe-webgpu'] } } },
  ],
});
