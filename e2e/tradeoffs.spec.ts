// The trade-off views on the real data: each view draws, its state survives a reload, its CSV holds what it shows.
import { SAES } from './data.ts';
import { test, expect, downloadCsv } from './fixtures.ts';

type Rec = Record<string, string>;
const has = (r: Rec, c: string) => r[c] !== '' && r[c] !== undefined;
const gemma65 = SAES.filter((r) => r.model === 'gemma-2-2b' && r.dict_size === '65536' && r.release === 'sae_bench_0125');

/** Independent of the app's module: p is on its architecture's frontier iff nothing has L0 <= and loss recovered >=, one strictly. */
function onFrontier(p: Rec, all: Rec[]): boolean {
  const [l0, ce] = [Number(p.l0), Number(p.ce_loss_score)];
  return !all.some((q) => q.architecture === p.architecture && Number(q.l0) <= l0 && Number(q.ce_loss_score) >= ce
    && (Number(q.l0) < l0 || Number(q.ce_loss_score) > ce));
}

test('Pareto view: frontiers per architecture, "frontier only" in the URL, CSV with on_frontier', async ({ page }) => {
  await page.goto('/?view=pareto&model=gemma-2-2b&width=65536&release=sae_bench_0125');
  const plot = page.getByTestId('pareto-plot');
  await expect(plot).toHaveAttribute('data-points', String(gemma65.length));
  await expect(page.getByTestId('pareto-caption')).toContainText('Up and to the left is better');
  await expect(plot.locator('.gtitle')).toContainText('Up and to the left is better');
  const frontier = gemma65.filter((p) => onFrontier(p, gemma65));
  const pooled = gemma65.filter((p) => onFrontier({ ...p, architecture: '' }, gemma65.map((q) => ({ ...q, architecture: '' }))));
  const pooledBatchTopk = pooled.filter((p) => p.architecture === 'batch_topk').length;
  await expect(page.getByTestId('pareto-caption')).toContainText(`Batch TopK ${pooledBatchTopk}`);

  // The matched-L0 table: TopK's loss recovered at L0 = 100, interpolated in log L0 between its neighbours.
  const topk = gemma65.filter((r) => r.architecture === 'topk').map((r) => [Number(r.l0), Number(r.ce_loss_score)] as const).sort((a, b) => a[0] - b[0]);
  const i = topk.findIndex(([l0], k) => l0 <= 100 && topk[k + 1]![0] > 100);
  const [[l0a, ya], [l0b, yb]] = [topk[i]!, topk[i + 1]!];
  const at100 = ya + ((Math.log(100) - Math.log(l0a)) / (Math.log(l0b) - Math.log(l0a))) * (yb - ya);
  const cell = page.getByTestId('l0-matched').locator('tr').filter({ has: page.locator('th', { hasText: /^\s*TopK$/ }) }).locator('td').nth(2);
  expect(Number(await cell.textContent())).toBeCloseTo(at100, 4);

  await page.getByLabel('Frontier only').check();
  await expect(page).toHaveURL(/fonly=1/);
  await expect(plot).toHaveAttribute('data-points', String(frontier.length));
  await page.reload();
  await expect(page.getByLabel('Frontier only')).toBeChecked();
  await expect(page.getByTestId('pareto-plot')).toHaveAttribute('data-points', String(frontier.length));

  await page.getByLabel('Frontier only').uncheck();
  const { header, records } = await downloadCsv(page);
  expect(header.slice(-2)).toEqual(['on_frontier', 'frontier_group']);
  expect(records.length).toBe(gemma65.length);
  expect(records.filter((r) => r.on_frontier === 'true').map((r) => r.sae_id).sort()).toEqual(frontier.map((r) => r.sae_id).sort());
  expect(records.every((r) => r.frontier_group === gemma65.find((g) => g.sae_id === r.sae_id)!.architecture)).toBe(true);
});

test('Scaling view: means over the L0 window per width, window in the URL, CSV of the aggregates', async ({ page }) => {
  await page.goto('/?view=scaling&model=gemma-2-2b&release=sae_bench_0125');
  const suite = SAES.filter((r) => r.model === 'gemma-2-2b' && r.release === 'sae_bench_0125' && has(r, 'l0') && has(r, 'ce_loss_score'));
  const expected = (lo: number, hi: number) => {
    const cells = new Map<string, number[]>();
    for (const r of suite.filter((s) => Number(s.l0) >= lo && Number(s.l0) <= hi)) {
      const key = `${r.architecture}|${r.dict_size}`;
      cells.set(key, [...(cells.get(key) ?? []), Number(r.ce_loss_score)]);
    }
    return cells;
  };
  const check = async (lo: number, hi: number) => {
    const cells = expected(lo, hi);
    await expect(page.getByTestId('scaling-plot')).toHaveAttribute('data-points', String(cells.size));
    const { records } = await downloadCsv(page);
    expect(records.length).toBe(cells.size);
    for (const r of records) {
      const values = cells.get(`${r.group}|${r.x}`)!;
      expect(Number(r.n), `${r.group} ${r.x}`).toBe(values.length);
      expect(Number(r.mean)).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 12);
      expect(Number(r.min)).toBe(Math.min(...values));
      expect([r.l0_min, r.l0_max]).toEqual([String(lo), String(hi)]);
    }
  };
  await check(40, 200);
  await page.getByLabel('L0 window maximum').fill('1000');
  await page.getByLabel('L0 window maximum').press('Enter');
  await expect(page).toHaveURL(/wmax=1000/);
  await check(40, 1000);
  await page.reload();
  await expect(page.getByLabel('L0 window maximum')).toHaveValue('1000');
  await check(40, 1000);
});

test('All-metrics grid: nine panels with directions, empty panels say how much data exists', async ({ page }) => {
  await page.goto('/?view=grid&model=gemma-2-2b&width=4096&layer=12&lines=1');
  const plot = page.getByTestId('grid-plot');
  const rows = SAES.filter((r) => r.model === 'gemma-2-2b' && r.dict_size === '4096' && r.layer === '12' && r.is_baseline !== 'true' && Number(r.l0) > 0);
  const metrics = ['ce_loss_score', 'explained_variance', 'absorption_fraction', 'autointerp_score', 'scr_top20', 'tpp_top20', 'sparse_probing_sae_top1', 'unlearning_score', 'ravel_disentanglement'];
  const points = metrics.reduce((n, m) => n + rows.filter((r) => has(r, m)).length, 0);
  await expect(plot).toHaveAttribute('data-points', String(points));
  for (const title of ['Loss recovered ↑', '1 − absorption fraction ↑', 'RAVEL disentanglement ↑', 'Unlearning score ↑']) {
    await expect(plot.locator('.annotation-text', { hasText: title })).toHaveCount(1);
  }
  const withAutointerp = SAES.filter((r) => has(r, 'autointerp_score')).length;
  await expect(plot.locator('.annotation-text', { hasText: `(${withAutointerp} SAEs have AutoInterp score in the whole dataset)` })).toHaveCount(1);
  await expect(plot.locator('.legendtext', { hasText: 'Matryoshka Batch TopK' })).toHaveCount(1);
  await page.getByLabel('Baselines').uncheck();
  await expect(page).toHaveURL(/baselines=0/);
  await page.reload();
  await expect(page.getByLabel('Baselines')).not.toBeChecked();
  await expect(page.getByLabel('Lines per group')).toBeChecked();
});

test('Agreement view: rank correlations with n per cell; a cell opens its scatter', async ({ page }) => {
  await page.goto('/?view=agreement&release=sae_bench_0125');
  const both = SAES.filter((r) => r.release === 'sae_bench_0125' && has(r, 'ce_loss_score') && has(r, 'ravel_disentanglement')).length;
  const cell = page.locator('button[data-a="ce_loss_score"][data-b="ravel_disentanglement"]');
  await expect(cell).toContainText(`n=${both}`);
  const { records } = await downloadCsv(page);
  expect(records.length).toBe(10 * 10);
  expect(records.find((r) => r.metric_a === 'ravel_disentanglement' && r.metric_b === 'ce_loss_score')!.n).toBe(String(both));
  await page.getByLabel('Control for log L0').check();
  await expect(page).toHaveURL(/partial=1/);
  await expect(page.getByTestId('agreement-caption')).toContainText('partial Spearman');
  await page.reload();
  await cell.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/view=scatter/);
  await expect(page).toHaveURL(/x=ravel_disentanglement/);
  await expect(page.getByLabel('Y', { exact: true })).toHaveValue('ce_loss_score');
  await expect(page.getByLabel('X', { exact: true })).toHaveValue('ravel_disentanglement');
});

test('Coverage view: SAEs per eval by architecture and by model and width, and its CSV', async ({ page }) => {
  await page.goto('/?view=coverage&model=gemma-2-2b');
  const gemma = SAES.filter((r) => r.model === 'gemma-2-2b');
  const topk = gemma.filter((r) => r.architecture === 'topk');
  const row = page.getByTestId('coverage-architecture').locator('tr', { hasText: /^TopK/ });
  const ravel = `${topk.filter((r) => has(r, 'ravel_disentanglement')).length} / ${topk.length}`;
  await expect(row.locator('td[data-eval="ravel"]')).toHaveText(ravel);
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Coverage' })).toHaveAttribute('aria-selected', 'true');
  await expect(row.locator('td[data-eval="ravel"]')).toHaveText(ravel);
  const { records } = await downloadCsv(page);
  const core = records.find((r) => r.grouping === 'model_width' && r.group === 'gemma-2-2b, 65k' && r.eval === 'core')!;
  const g65 = gemma.filter((r) => r.dict_size === '65536');
  expect([core.count, core.total]).toEqual([String(g65.filter((r) => has(r, 'ce_loss_score')).length), String(g65.length)]);
});

test('a preset is a URL: choosing one shows its view and puts it in the address bar', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Presets: paper figures').selectOption({ label: 'Width scaling in the L0 window: Gemma-2-2B' });
  await expect(page).toHaveURL(/view=scaling&model=gemma-2-2b&release=sae_bench_0125$/);
  await expect(page.getByTestId('scaling-plot')).toBeVisible();
  await expect(page.getByTestId('preset-caption')).toContainText('mean over SAEs with L0 in [40, 200]');
  await expect(page.getByLabel('Presets: paper figures')).toHaveValue('width-scaling-gemma');
  // Any change of the view leaves the preset.
  await page.getByLabel('L0 window maximum').fill('300');
  await page.getByLabel('L0 window maximum').press('Enter');
  await expect(page.getByTestId('preset-caption')).toHaveCount(0);
  await expect(page.getByLabel('Presets: paper figures')).toHaveValue('');
  await page.goBack();
  await page.goBack();
  await expect(page.getByTestId('scatter-plot')).toBeVisible();
});

test('figure export: SVG and 300 dpi PNG at paper column widths, plots and matrices', async ({ page }) => {
  await page.goto('/?view=pareto&model=gemma-2-2b&width=65536');
  await expect(page.getByTestId('pareto-plot')).toHaveAttribute('data-points', /\d+/);
  const { readFileSync } = await import('node:fs');
  const save = async (name: string) => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name, exact: true }).click();
    const d = await download;
    expect(d.suggestedFilename()).toMatch(new RegExp(`\\.${name.toLowerCase()}$`));
    return readFileSync(await d.path());
  };
  const svg = (await save('SVG')).toString('utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).toContain('width="312"');
  expect(svg).toContain('Matryoshka Batch TopK');
  await page.getByLabel('Figure size').selectOption('double');
  const png = await save('PNG');
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(Math.round(648 * 300 / 96)); // IHDR width

  await page.getByRole('tab', { name: 'Agreement' }).click();
  await expect(page.getByTestId('agreement-matrix')).toBeVisible();
  const matrix = (await save('SVG')).toString('utf8');
  expect(matrix).toContain('width="648"');
  expect(matrix).toContain('Metric agreement (Spearman');
  const matrixPng = await save('PNG');
  expect(matrixPng.readUInt32BE(16)).toBe(Math.round(648 * 300 / 96));
});
