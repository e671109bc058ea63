// The built site works under any base path (a project page such as /saebench-explorer/): assets, data, the
// DuckDB and re-score workers and their wasm all load relative to the page.
import { SAES } from './data.ts';
import { expect, plottedPoints, test } from './fixtures.ts';

const SITE = 'http://localhost:4174/saebench-explorer/';

test('the same build hosted under /saebench-explorer/ draws, queries, and re-scores with nothing missing', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  page.on('requestfailed', (r) => failed.push(`failed ${r.url()}`));
  await page.goto(`${SITE}?view=scatter`);
  expect(await plottedPoints(page)).toBeGreaterThan(0);
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('saebench:data-ready').length), { timeout: 60_000 }).toBe(1);
  // A filter change is a DuckDB query (worker + wasm under the sub-path).
  await page.locator('input[data-value="4096"]').check();
  const both = SAES.filter((r) => r.model === 'gemma-2-2b' && r.layer === '12' && r.release === 'sae_bench_0125' && ['4096', '65536'].includes(r.dict_size!)).length;
  await expect(page.getByTestId('row-count')).toHaveText(`${both} of ${SAES.length} SAEs match the filters`);
  await page.getByRole('tab', { name: 'Re-score an SAE' }).click();
  await page.getByRole('button', { name: 'Re-score demo' }).click();
  await expect(page.getByTestId('rescore-result')).toContainText('[synthetic]');
  const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  expect(urls.filter((u) => u.startsWith('http://localhost:4174/') && !u.startsWith(SITE))).toEqual([]);
  expect(failed).toEqual([]);
});
