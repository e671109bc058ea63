import type { Page } from '@playwright/test';
import { test, expect, plottedPoints } from './fixtures.ts';

test('a synthetic demo SAE re-scores in the page (CPU worker) and its point appears in the plot', async ({ page }) => {
  await page.goto('/?view=rescore');
  await expect(page.getByLabel('Demo SAE')).toContainText('synthetic');
  await page.getByRole('button', { name: 'Re-score demo' }).click();
  const result = page.getByTestId('rescore-result');
  await expect(result).toContainText('[synthetic]');
  await expect(result).toContainText('CPU path: WebAssembly SIMD, 2 workers');
  const l0 = Number(await result.locator('tr[data-metric=l0] td').first().textContent());
  expect(l0).toBeGreaterThan(0);
  const ev = Number(await result.locator('tr[data-metric=explained_variance] td').first().textContent());
  expect(ev).toBeGreaterThan(0);
  expect(ev).toBeLessThanOrEqual(1.5);
  await expect(result.getByRole('img', { name: /Feature density histogram/ })).toBeVisible();
  // Catalog labels, the demo's ground truth, no empty "Dataset value" column for an SAE the dataset lacks.
  await expect(result.locator('tr[data-metric=mse_corrected] th')).toContainText('MSE (corrected)');
  await expect(result.getByTestId('ground-truth')).toContainText('MCC with the true features');
  await expect(result.getByRole('columnheader', { name: 'Dataset value' })).toHaveCount(0);
  // Without a GPU adapter the page says so before anyone picks WebGPU.
  await expect(page.getByRole('radio', { name: 'WebGPU' })).toBeDisabled();
  await expect(page.getByText(/no WebGPU|no usable GPU adapter/)).toBeVisible();
  // The result survives a trip to another view.
  await page.getByRole('tab', { name: 'Table' }).click();
  await page.getByRole('tab', { name: 'Re-score an SAE' }).click();
  await expect(result).toContainText('[synthetic]');

  await result.getByRole('button', { name: 'Add to plot' }).click();
  await expect(page).toHaveURL(/y=explained_variance/);
  await plottedPoints(page);
  const mine = await page.evaluate(() => {
    const gd = document.querySelector('[data-testid=scatter-plot]') as unknown as { data: { name: string; x: number[]; y: number[] }[] };
    return gd.data.find((t) => t.name.startsWith('Your SAEs'));
  });
  expect(mine?.x).toHaveLength(1);
  expect(mine?.x[0]).toBeCloseTo(l0, 2);
  await expect(page.locator('.legend')).toContainText('Your SAEs');
});

test('a malformed SAE file gets a clear error and the page keeps working', async ({ page }) => {
  await page.goto('/?view=rescore');
  await page.getByLabel('SAE files').setInputFiles([
    { name: 'cfg.json', mimeType: 'application/json', buffer: Buffer.from('{"architecture":"standard","d_in":4,"d_sae":8}') },
    { name: 'sae_weights.safetensors', mimeType: 'application/octet-stream', buffer: Buffer.from([1, 2, 3]) },
  ]);
  await page.getByLabel('Activation bundle').setInputFiles({ name: 'acts.safetensors', mimeType: 'application/octet-stream', buffer: Buffer.from([0, 0, 0, 0, 0, 0, 0, 0]) });
  await page.getByRole('button', { name: 'Re-score files' }).click();
  await expect(page.getByRole('alert')).toContainText(/safetensors|header|truncated|short/i);
  await page.getByRole('tab', { name: 'Scatter' }).click();
  await expect(page.getByTestId('row-count')).toContainText('277');
});

type Census = { started: string[]; live: string[] };

/** Counts the page's workers at the Worker API: Chromium does not always report to Playwright that a terminated
 * worker has gone (about one run in twelve), so page.workers() cannot decide whether one was left running. */
async function countWorkers(page: Page): Promise<() => Promise<Census>> {
  await page.addInitScript(() => {
    const live = new Map<Worker, string>();
    const started: string[] = [];
    const NativeWorker = window.Worker;
    window.Worker = class extends NativeWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        started.push(String(url));
        live.set(this, String(url));
      }
      terminate(): void {
        live.delete(this);
        super.terminate();
      }
    };
    const notDuckDb = (u: string) => !/duckdb/i.test(u);
    (window as unknown as { workerCensus: () => Census }).workerCensus = () => ({ started: started.filter(notDuckDb), live: [...live.values()].filter(notDuckDb) });
  });
  return () => page.evaluate(() => (window as unknown as { workerCensus: () => Census }).workerCensus());
}

test('a double click starts one re-score, and a finished run leaves no worker behind', async ({ page }) => {
  const census = await countWorkers(page);
  await page.goto('/?view=rescore');
  await expect(page.getByLabel('Demo SAE')).toContainText('synthetic');
  await page.getByRole('button', { name: 'Re-score demo' }).dblclick();
  await expect(page.getByTestId('rescore-result')).toContainText('[synthetic]');
  // One run: one re-scoring worker (it drives the engine's compute workers itself); two runs would start two.
  const { started } = await census();
  expect(started.filter((u) => u.includes('rescore.worker'))).toHaveLength(1);
  await expect.poll(async () => (await census()).live, { message: 'a finished run leaves no worker' }).toEqual([]);
});

test('leaving the re-score view mid-run stops its worker, and that run leaves no result', async ({ page }) => {
  const census = await countWorkers(page);
  // Injected delay: the demo re-scores in well under a second, too fast to leave in the middle of it.
  await page.route(/rescore\.worker-[^/]*\.js$/, async (route) => {
    const original = await (await route.fetch()).text();
    await route.fulfill({ contentType: 'text/javascript', body: `{ const t = Date.now(); while (Date.now() - t < 1500); }\n${original}` });
  });
  await page.goto('/?view=rescore');
  await expect(page.getByLabel('Demo SAE')).toContainText('synthetic');
  await page.getByRole('button', { name: 'Re-score demo' }).click();
  await expect.poll(async () => (await census()).live.filter((u) => u.includes('rescore.worker'))).toHaveLength(1);
  await page.getByRole('tab', { name: 'Table' }).click();
  expect((await census()).live).toEqual([]);
  // A run left to finish would show its result on return (a result survives a trip to another view).
  await page.waitForTimeout(4000);
  await page.getByRole('tab', { name: 'Re-score an SAE' }).click();
  await expect(page.getByRole('button', { name: 'Re-score demo' })).toBeEnabled();
  await expect(page.getByTestId('rescore-result')).toHaveCount(0);
});

test('while the files of a run are read, both re-score buttons stay disabled, and the run then completes', async ({ page }) => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => { release = r; });
  await page.route(/demo-saes\/[^/]+\/acts\.safetensors$/, async (route) => { await held; await route.continue(); });
  await page.goto('/?view=rescore');
  await expect(page.getByLabel('Demo SAE')).toContainText('synthetic');
  await page.getByRole('button', { name: 'Re-score demo' }).click();
  await expect(page.getByRole('button', { name: 'Re-score demo' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Re-score files' })).toBeDisabled();
  release();
  await expect(page.getByTestId('rescore-result')).toContainText('[synthetic]');
  await expect(page.getByRole('button', { name: 'Re-score demo' })).toBeEnabled();
});

test('a file deleted after it was chosen, or one over 1 GiB, gets a clear error and the page keeps working', async ({ page }) => {
  const { mkdtempSync, writeFileSync, rmSync, readFileSync, truncateSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'rescore-'));
  const demo = 'public/demo-saes/synthetic-topk';
  for (const f of ['cfg.json', 'sae_weights.safetensors', 'acts.safetensors']) writeFileSync(join(dir, f), readFileSync(`${demo}/${f}`));
  await page.goto('/?view=rescore');
  await page.getByLabel('SAE files').setInputFiles([join(dir, 'cfg.json'), join(dir, 'sae_weights.safetensors')]);
  await page.getByLabel('Activation bundle').setInputFiles(join(dir, 'acts.safetensors'));
  rmSync(join(dir, 'sae_weights.safetensors'));
  await page.getByRole('button', { name: 'Re-score files' }).click();
  await expect(page.getByRole('alert')).toContainText('sae_weights.safetensors could not be read: it was moved, deleted or changed after it was chosen');
  await expect(page.getByRole('button', { name: 'Re-score files' })).toBeEnabled();

  // A sparse 1.1 GiB file: refused by its size before a byte is read.
  writeFileSync(join(dir, 'huge.safetensors'), '');
  truncateSync(join(dir, 'huge.safetensors'), 1126 * 2 ** 20);
  await page.getByLabel('SAE files').setInputFiles([join(dir, 'cfg.json'), join(dir, 'huge.safetensors')]);
  await page.getByRole('button', { name: 'Re-score files' }).click();
  await expect(page.getByRole('alert')).toContainText('huge.safetensors is 1126 MiB; the page re-scores files up to 1024 MiB');
  await page.getByRole('tab', { name: 'Scatter' }).click();
  await expect(page.getByTestId('row-count')).toContainText('277');
  rmSync(dir, { recursive: true, force: true });
});

test('a re-scoring worker that crashes is reported, not waited on, and the buttons come back', async ({ page }) => {
  // Injected failure: the worker's script throws as it loads.
  await page.route(/rescore\.worker-[^/]*\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("injected worker crash")' }));
  await page.goto('/?view=rescore');
  await expect(page.getByLabel('Demo SAE')).toContainText('synthetic');
  await page.getByRole('button', { name: 'Re-score demo' }).click();
  await expect(page.locator('.rescore .error')).toContainText(/injected worker crash|re-scoring worker failed/);
  await expect(page.getByRole('button', { name: 'Re-score demo' })).toBeEnabled();
});

test("the loader's warnings reach the page, as the CLI prints them", async ({ page }) => {
  const { readFileSync } = await import('node:fs');
  const dir = 'public/demo-saes/synthetic-topk';
  const cfg = { ...JSON.parse(readFileSync(`${dir}/cfg.json`, 'utf8')), normalize_activations: 'expected_average_only_in' };
  await page.goto('/?view=rescore');
  await page.getByLabel('SAE files').setInputFiles([
    { name: 'cfg.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(cfg)) },
    { name: 'sae_weights.safetensors', mimeType: 'application/octet-stream', buffer: readFileSync(`${dir}/sae_weights.safetensors`) },
  ]);
  await page.getByLabel('Activation bundle').setInputFiles({ name: 'acts.safetensors', mimeType: 'application/octet-stream', buffer: readFileSync(`${dir}/acts.safetensors`) });
  await page.getByRole('button', { name: 'Re-score files' }).click();
  await expect(page.getByTestId('rescore-result')).toContainText('no activation_scaler.json: no scaling applied');
});
