// Once loaded, the app works without a network: a reload of the same URL, a filter change (DuckDB) and a
// re-score of a demo SAE, all served by the service worker's cache.
import { expect, plottedPoints, test } from './fixtures.ts';

test.use({ serviceWorkers: 'allow' });

test('after one visit the app reloads, queries and re-scores with the network cut', async ({ page, context }) => {
  await page.goto('/?view=scatter&y=scr_top20');
  await plottedPoints(page);
  // Ready = installed (every file of the site precached) and active.
  const cached = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith('saebench-explorer-'))!);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  expect(cached).toContain('/data/values.arrows');
  expect(cached.some((p) => /duckdb-eh-.*\.wasm$/.test(p))).toBe(true);
  expect(cached).toContain('/demo-saes/synthetic-topk/acts.safetensors');

  await context.setOffline(true);
  await page.reload();
  expect(await plottedPoints(page)).toBeGreaterThan(0);
  await expect(page.getByLabel('Y', { exact: true })).toHaveValue('scr_top20');
  const count = page.getByTestId('row-count');
  const before = await count.textContent();
  await page.locator('input[data-value="16384"]').check();
  await expect(count).not.toHaveText(before!);

  await page.getByRole('tab', { name: 'Re-score an SAE' }).click();
  await expect(page.getByLabel('Demo SAE')).toContainText('synthetic');
  await page.getByRole('button', { name: 'Re-score demo' }).click();
  await expect(page.getByTestId('rescore-result')).toContainText('[synthetic]');
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
});

test('a new build replaces the cached one on the next visit, and the page says so', async ({ page }) => {
  await page.goto('/');
  await plottedPoints(page);
  const first = await page.evaluate(async () => (await navigator.serviceWorker.ready, (await caches.keys()).filter((k) => k.startsWith('saebench-explorer-'))));
  expect(first).toHaveLength(1);
  // A "new build": the same site with a service worker of another version. (Playwright cannot route a service
  // worker's script, so the test rewrites dist/sw.js, without its precompressed copies, and puts it all back.)
  const { readFileSync, writeFileSync, existsSync, renameSync } = await import('node:fs');
  const sw = 'dist/sw.js';
  const original = readFileSync(sw, 'utf8');
  const hidden = ['.br', '.gz'].filter((ext) => existsSync(sw + ext));
  for (const ext of hidden) renameSync(sw + ext, `${sw}${ext}.hidden`);
  try {
    writeFileSync(sw, original.replace(/const VERSION = "[0-9a-f]+"/, 'const VERSION = "0000000000000000"'));
    await page.reload();
    await plottedPoints(page);
    // The browser checks for a new service worker on navigation; ask now rather than wait for it.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByTestId('url-notices')).toContainText('SAEBench Explorer was updated', { timeout: 60_000 });
    await expect.poll(() => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('saebench-explorer-')))).toEqual(['saebench-explorer-0000000000000000']);
  } finally {
    writeFileSync(sw, original);
    for (const ext of hidden) renameSync(`${sw}${ext}.hidden`, sw + ext);
  }
});
