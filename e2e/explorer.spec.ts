import { readFileSync } from 'node:fs';
import { parseCsvRecords } from '../src/ingest/csv.ts';
import { SAES, byId } from './data.ts';
import { test, expect, openExport, plottedPoints } from './fixtures.ts';

const ISSUE_URL = '/?v=1&view=scatter&x=l0&y=ce_loss_score&arch=topk,matryoshka_batch_topk&model=gemma-2-2b';
const matching = SAES.filter((r) => ['topk', 'matryoshka_batch_topk'].includes(r.architecture!) && r.model === 'gemma-2-2b');
const defaultSlice = SAES.filter((r) => r.model === 'gemma-2-2b' && r.layer === '12' && r.dict_size === '65536' && r.release === 'sae_bench_0125');

test('a version-1 URL with filters shows exactly the matching SAEs, and its CSV holds exactly those rows', async ({ page }) => {
  await page.goto(ISSUE_URL);
  await expect(page.getByTestId('row-count')).toHaveText(`${matching.length} of ${SAES.length} SAEs match the filters`);
  const drawable = matching.filter((r) => r.l0 !== '' && r.ce_loss_score !== '' && Number(r.l0) > 0);
  expect(await plottedPoints(page)).toBe(drawable.length);

  await openExport(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /CSV/ }).click();
  const file = await (await download).path();
  const { header, records } = parseCsvRecords(readFileSync(file, 'utf8'));
  expect(header[0]).toBe('sae_id');
  expect(header).toContain('core_provenance');
  expect(header).toContain('scr_top20_prov');
  expect(records.map((r) => r.sae_id).sort()).toEqual(matching.map((r) => r.sae_id).sort());
  for (const r of records) {
    const src = byId.get(r.sae_id!)!;
    for (const col of header) {
      if (src[col] === '' || Number.isNaN(Number(src[col]))) expect(r[col], `${r.sae_id} ${col}`).toBe(src[col]);
      else expect(Number(r[col]), `${r.sae_id} ${col}`).toBe(Number(src[col]));
    }
  }
});

test('the first screen is one sweep per architecture, says what it pools, and draws before DuckDB is up', async ({ page }) => {
  // Hold DuckDB's wasm back: the first chart must come from the build-time prefetch alone.
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => { release = r; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto('/');
  expect(await plottedPoints(page)).toBe(defaultSlice.length);
  await expect(page.getByTestId('view-caption')).toContainText('7 sweeps across 7 architectures (gemma-2-2b, L12, 65k');
  expect(await page.evaluate(() => performance.getEntriesByName('saebench:data-ready').length)).toBe(0);
  release();
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('saebench:data-ready').length)).toBe(1);
});

test('URL round trip through the UI, with back and forward', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('row-count')).toContainText(`${defaultSlice.length} of`);
  await page.getByLabel('Y', { exact: true }).selectOption('ravel_disentanglement');
  await page.locator('input[data-value="4096"]').check();
  await page.getByLabel('log Y').check();
  await page.getByRole('tab', { name: 'Table' }).click();
  await expect(page).toHaveURL(/view=table/);
  const url = new URL(page.url());
  expect(url.searchParams.get('y')).toBe('ravel_disentanglement');
  expect(url.searchParams.get('width')).toBe('65536,4096');
  expect(url.searchParams.get('logy')).toBe('1');
  const count = SAES.filter((r) => r.model === 'gemma-2-2b' && r.layer === '12' && r.release === 'sae_bench_0125' && ['4096', '65536'].includes(r.dict_size!)).length;
  await expect(page.getByTestId('row-count')).toHaveText(`${count} of ${SAES.length} SAEs match the filters`);

  await page.goto(url.pathname + url.search);
  await expect(page.getByRole('tab', { name: 'Table' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Y', { exact: true })).toHaveValue('ravel_disentanglement');
  await expect(page.getByLabel('log Y')).toBeChecked();
  await expect(page.locator('input[data-value="4096"]')).toBeChecked();
  await expect(page.getByTestId('row-count')).toHaveText(`${count} of ${SAES.length} SAEs match the filters`);

  await page.getByRole('tab', { name: 'Scatter' }).click();
  await expect(page.getByTestId('scatter-plot')).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('tab', { name: 'Table' })).toHaveAttribute('aria-selected', 'true');
  await page.goForward();
  await expect(page.getByRole('tab', { name: 'Scatter' })).toHaveAttribute('aria-selected', 'true');
});

test('clicking a point selects that SAE even with several architectures drawn', async ({ page }) => {
  await page.goto('/?v=2&view=scatter&lines=0');
  await plottedPoints(page);
  const traces = page.locator('[data-testid=scatter-plot] .scatterlayer .trace');
  expect(await traces.count()).toBeGreaterThan(3);
  // The most isolated point of the third trace (so "closest point" is unambiguous); its index in the
  // trace differs from its position in the flat row list.
  const target = await page.evaluate(() => {
    const gd = document.querySelector('[data-testid=scatter-plot]') as unknown as { data: { x: number[]; y: number[] }[] };
    const boxes = [...document.querySelectorAll('[data-testid=scatter-plot] .scatterlayer .trace')].map((t) =>
      [...t.querySelectorAll('path.point')].map((p) => { const b = p.getBoundingClientRect(); return { cx: b.x + b.width / 2, cy: b.y + b.height / 2 }; }));
    const all = boxes.flat();
    let best = { i: 0, d: -1 };
    boxes[2]!.forEach((b, i) => {
      const d = Math.min(...all.filter((o) => o !== b).map((o) => Math.hypot(o.cx - b.cx, o.cy - b.cy)));
      if (d > best.d) best = { i, d };
    });
    const b = boxes[2]![best.i]!;
    return { cx: b.cx, cy: b.cy, x: gd.data[2]!.x[best.i], y: gd.data[2]!.y[best.i] };
  });
  await page.mouse.click(target.cx, target.cy);
  const id = (await page.getByTestId('detail-sae-id').textContent()) ?? '';
  const src = byId.get(id);
  expect(src, `selected ${id}`).toBeDefined();
  expect(Number(src!.l0)).toBe(target.x);
  expect(Number(src!.ce_loss_score)).toBe(target.y);
  await expect(page).toHaveURL(new RegExp(`sel=${encodeURIComponent(id)}`));
  await expect(page.getByTestId('detail-panel')).toContainText('published_0125_np');
});

test('bad URL parameters give a visible notice and the app still works', async ({ page }) => {
  await page.goto('/?x=%3Cimg%20src=x%20onerror=alert(1)%3E&arch=nonsense,topk&bogus=1');
  const notices = page.getByTestId('url-notices');
  await expect(notices).toContainText('Ignored x="<img src=x onerror=alert(1)>"');
  await expect(notices).toContainText('"nonsense"');
  await expect(notices).toContainText('"bogus"');
  expect(await page.locator('img[src=x]').count()).toBe(0);
  await expect(page.getByTestId('row-count')).toHaveText(`${defaultSlice.filter((r) => r.architecture === 'topk').length} of ${SAES.length} SAEs match the filters`);
});

test('a failed data load shows the cause instead of a blank page', async ({ page }) => {
  await page.route('**/data/saes.arrows', (r) => r.fulfill({ status: 404, body: 'missing' }));
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('HTTP 404');
});

test('width (a configuration column) can go on X, log by default, and survives a reload', async ({ page }) => {
  await page.goto('/?model=pythia-160m-deduped&layer=8&width=');
  await expect(page.getByTestId('row-count')).toContainText('of');
  await page.getByLabel('X', { exact: true }).selectOption('dict_size');
  await expect(page).toHaveURL(/x=dict_size/);
  await expect(page.getByLabel('log X')).toBeChecked();
  const expected = SAES.filter((r) => r.model === 'pythia-160m-deduped' && r.layer === '8' && r.release === 'sae_bench_0125' && r.is_baseline !== 'true' && r.ce_loss_score !== '').length;
  expect(await plottedPoints(page)).toBe(expected);
  await page.reload();
  await expect(page.getByLabel('X', { exact: true })).toHaveValue('dict_size');
  await expect(page.locator('[data-testid=scatter-plot] .xtitle')).toContainText('Width (dictionary size)');
});

test('a filter change draws the plot once, at the size of its box, though the table below it changed height', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await plottedPoints(page);
  const plot = page.getByTestId('scatter-plot');
  await page.waitForTimeout(500);
  await plot.evaluate((el) => {
    const gd = el as HTMLElement & { on: (e: string, cb: () => void) => void; draws?: number };
    gd.draws = 0;
    gd.on('plotly_afterplot', () => { gd.draws!++; });
  });
  const before = await plot.evaluate((el) => el.clientHeight);
  // One architecture: the matched-L0 table under the plot loses rows and the plot's box grows.
  await page.locator('fieldset.facet', { hasText: 'Architecture' }).locator('input[type=checkbox]').first().check();
  await expect(page.getByTestId('row-count')).not.toContainText(`${defaultSlice.length} of`);
  await page.waitForTimeout(800);
  const after = await plot.evaluate((el) => ({
    draws: (el as HTMLElement & { draws?: number }).draws,
    box: [el.clientWidth, el.clientHeight],
    svg: [Number(el.querySelector('svg.main-svg')!.getAttribute('width')), Number(el.querySelector('svg.main-svg')!.getAttribute('height'))],
  }));
  expect(after.box[1]).toBeGreaterThan(before);
  expect(after.svg).toEqual(after.box);
  expect(after.draws).toBe(1);
  // A window resize still redraws the plot at its new size.
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect.poll(() => plot.evaluate((el, wide) => Number(el.querySelector('svg.main-svg')!.getAttribute('width')) === el.clientWidth && el.clientWidth < wide, after.box[0]!)).toBe(true);
});
