// The trade-off views on the real data: each view draws, its state survives a reload, its CSV holds what it
// shows, and the paper's claims are checked against values computed here from the sources, not by the app.
import { SAES, SOURCE_I } from './data.ts';
import { test, expect, downloadCsv, openExport } from './fixtures.ts';

type Rec = Record<string, string>;
const has = (r: Rec, c: string) => r[c] !== '' && r[c] !== undefined;
const gemma = SAES.filter((r) => r.model === 'gemma-2-2b' && r.layer === '12' && r.release === 'sae_bench_0125');
const gemma65 = gemma.filter((r) => r.dict_size === '65536');

/** Independent of the app's module: p is on its sweep's frontier iff nothing has L0 <= and loss recovered >=, one strictly. */
function onFrontier(p: Rec, all: Rec[], key = (r: Rec) => `${r.architecture}|${r.dict_size}`): boolean {
  const [l0, ce] = [Number(p.l0), Number(p.ce_loss_score)];
  return !all.some((q) => key(q) === key(p) && Number(q.l0) <= l0 && Number(q.ce_loss_score) >= ce
    && (Number(q.l0) < l0 || Number(q.ce_loss_score) > ce));
}

/** Spearman's rho with average ranks, written again here so the test does not share the app's code. */
function spearman(a: number[], b: number[]): number {
  const rank = (v: number[]) => {
    const order = v.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
    const r = new Array<number>(v.length);
    for (let i = 0; i < order.length;) {
      let j = i;
      while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
      for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2 + 1;
      i = j + 1;
    }
    return r;
  };
  const [ra, rb] = [rank(a), rank(b)];
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const [ma, mb] = [mean(ra), mean(rb)];
  const cov = ra.reduce((s, x, i) => s + (x - ma) * (rb[i]! - mb), 0);
  return cov / Math.sqrt(ra.reduce((s, x) => s + (x - ma) ** 2, 0) * rb.reduce((s, x) => s + (x - mb) ** 2, 0));
}

const CLASS: Record<string, string> = { 'p-anneal': 'p_anneal' };

test('Pareto view: frontiers per sweep, "frontier only" in the URL, CSV with on_frontier', async ({ page }) => {
  await page.goto('/?v=2&view=pareto');
  const plot = page.getByTestId('pareto-plot');
  await expect(plot).toHaveAttribute('data-points', String(gemma65.length));
  await expect(page.getByTestId('pareto-caption')).toContainText('Up and to the left is better');
  const frontier = gemma65.filter((p) => onFrontier(p, gemma65));
  const pooled = gemma65.filter((p) => onFrontier(p, gemma65, () => ''));
  const pooledJumpRelu = pooled.filter((p) => p.architecture === 'jumprelu').length;
  await expect(page.getByTestId('pareto-caption')).toContainText(`JumpReLU ${pooledJumpRelu}`);

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
  await page.getByLabel('Frontier only').uncheck();
  const { header, records } = await downloadCsv(page);
  expect(header.slice(-3)).toEqual(['on_frontier', 'frontier_group', 'frontier_sweep']);
  expect(records.length).toBe(gemma65.length);
  expect(records.filter((r) => r.on_frontier === 'true').map((r) => r.sae_id).sort()).toEqual(frontier.map((r) => r.sae_id).sort());
});

test('Width-scaling preset for SCR: its CSV equals the means computed from source I, Matryoshka first at 16k and 65k', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Presets: paper figures').selectOption({ label: 'Width scaling: SCR' });
  await expect(page).toHaveURL(/view=scaling&y=scr_top20&width=$/);
  await expect(page.getByTestId('preset-caption')).toContainText('Width scaling: SCR');
  const cells = new Map<string, number[]>();
  for (const r of SOURCE_I) {
    const l0 = Number(r['core||sparsity||l0']);
    if (l0 < 36 || l0 > 200) continue;
    const key = `${CLASS[String(r.saeClass)] ?? r.saeClass}|${r.dSae}`;
    cells.set(key, [...(cells.get(key) ?? []), Number(r['scr||scr_metrics||scr_metric_threshold_20'])]);
  }
  await expect(page.getByTestId('scaling-plot')).toHaveAttribute('data-points', String(cells.size));
  const { records } = await downloadCsv(page);
  expect(records.length).toBe(cells.size);
  for (const r of records) {
    const values = cells.get(`${r.group}|${r.x}`)!;
    expect(Number(r.n), `${r.group} ${r.x}`).toBe(values.length);
    expect(Number(r.mean)).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 12);
    expect([r.l0_min, r.l0_max, r.curve]).toEqual(['36', '200', 'gemma-2-2b L12']);
  }
  const best = (w: string) => records.filter((r) => r.x === w).sort((a, b) => Number(b.mean) - Number(a.mean))[0]!.group;
  expect([best('16384'), best('65536')]).toEqual(['matryoshka_batch_topk', 'matryoshka_batch_topk']);
  expect(best('4096')).not.toBe('matryoshka_batch_topk');
  await expect(page.getByTestId('view-finding')).toContainText('16k: Matryoshka Batch TopK');
  // ReLU has 2 SAEs in the window at 65k, the others 3: the view says so.
  await expect(page.getByTestId('scaling-uneven')).toContainText('ReLU 2');

  await page.getByLabel('L0 window maximum').fill('1000');
  await page.getByLabel('L0 window maximum').press('Enter');
  await expect(page).toHaveURL(/wmax=1000/);
  await page.reload();
  await expect(page.getByLabel('L0 window maximum')).toHaveValue('1000');
});

test('All-metrics grid at 65k: nine panels with data, directions in titles', async ({ page }) => {
  await page.goto('/?v=2&view=grid');
  const plot = page.getByTestId('grid-plot');
  const rows = gemma65.filter((r) => Number(r.l0) > 0);
  const metrics = ['ce_loss_score', 'explained_variance', 'absorption_fraction', 'autointerp_score', 'scr_top20', 'tpp_top20', 'sparse_probing_sae_top1', 'unlearning_score', 'ravel_disentanglement'];
  const points = metrics.reduce((n, m) => n + rows.filter((r) => has(r, m)).length, 0);
  expect(points).toBe(9 * 42);
  await expect(plot).toHaveAttribute('data-points', String(points));
  for (const title of ['Loss recovered ↑', '1 − absorption fraction ↑', 'RAVEL disentanglement ↑', 'Unlearning score ↑']) {
    await expect(plot.locator('.annotation-text', { hasText: title })).toHaveCount(1);
  }
  await expect(plot.locator('.legendtext', { hasText: 'Matryoshka Batch TopK' })).toHaveCount(1);
  await expect(page.getByTestId('grid-empty')).toHaveCount(0);
  await page.getByLabel('Baselines').uncheck();
  await expect(page).toHaveURL(/baselines=0/);
  await page.reload();
  await expect(page.getByLabel('Baselines')).not.toBeChecked();
  await expect(page.getByLabel('Lines per sweep')).toBeChecked();
});

test('an empty panel says how many SAEs have the metric and links to coverage', async ({ page }) => {
  await page.goto('/?v=2&view=grid&model=pythia-160m-deduped&layer=8&width=16384');
  const scr = SAES.filter((r) => r.model === 'gemma-2-2b' && has(r, 'scr_top20') && r.is_baseline !== 'true').length;
  await expect(page.getByTestId('grid-empty')).toContainText(`SCR top-20 exists for ${scr} gemma-2-2b SAEs; none match these filters.`);
  await page.getByTestId('grid-empty').getByRole('button', { name: /coverage view/ }).click();
  await expect(page.getByRole('tab', { name: 'Coverage' })).toHaveAttribute('aria-selected', 'true');
});

test('Agreement preset: proxy vs downstream over the 126 Gemma SAEs, rho checked against source I', async ({ page }) => {
  await page.goto('/?v=2&view=agreement&width=');
  const cell = page.locator('button[data-a="ce_loss_score"][data-b="tpp_top20"]');
  await expect(cell).toContainText('n=126');
  const rho = spearman(SOURCE_I.map((r) => Number(r['core||model_performance_preservation||ce_loss_score'])), SOURCE_I.map((r) => Number(r['tpp||tpp_metrics||tpp_threshold_20_total_metric'])));
  await expect(cell.locator('.rho')).toHaveText(rho.toFixed(2));
  const { records } = await downloadCsv(page);
  const row = records.find((r) => r.metric_a === 'ce_loss_score' && r.metric_b === 'tpp_top20')!;
  expect(Number(row.rho)).toBeCloseTo(rho, 10);
  expect(Number(row.ci_low)).toBeLessThan(Number(row.rho));
  expect(Number(row.ci_high)).toBeGreaterThan(Number(row.rho));
  await expect(page.getByTestId('view-finding')).toContainText('Loss recovered vs');
  await page.getByLabel('Control for log L0').check();
  await expect(page).toHaveURL(/partial=1/);
  await expect(page.getByTestId('agreement-caption')).toContainText('partial Spearman');
  await page.reload();
  await cell.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/view=scatter/);
  await expect(page.getByLabel('X', { exact: true })).toHaveValue('tpp_top20');
  await expect(page.getByLabel('Y', { exact: true })).toHaveValue('ce_loss_score');
});

test('Coverage view: SAEs per eval by architecture and by model and width, and its CSV', async ({ page }) => {
  await page.goto('/?v=2&view=coverage&model=&layer=&width=&release=');
  const all = SAES;
  const topk = all.filter((r) => r.architecture === 'topk');
  const row = page.getByTestId('coverage-architecture').locator('tr', { hasText: /^TopK/ });
  const scr = `${topk.filter((r) => has(r, 'scr_top20')).length} / ${topk.length}`;
  await expect(row.locator('td[data-eval="scr"]')).toHaveText(scr);
  await page.reload();
  await expect(row.locator('td[data-eval="scr"]')).toHaveText(scr);
  const { records } = await downloadCsv(page);
  const core = records.find((r) => r.grouping === 'model_width' && r.group === 'gemma-2-2b, 65k' && r.eval === 'scr')!;
  const g65 = all.filter((r) => r.model === 'gemma-2-2b' && r.dict_size === '65536');
  expect([core.count, core.total]).toEqual([String(g65.filter((r) => has(r, 'scr_top20')).length), String(g65.length)]);
});

test('a preset is a URL: choosing one shows its view and puts it in the address bar', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Presets: paper figures').selectOption({ label: 'SCR vs L0, one panel per width' });
  await expect(page).toHaveURL(/view=scatter&y=scr_top20&width=&facet=dict_size$/);
  await expect(page.getByTestId('scatter-plot').locator('.annotation-text', { hasText: /^(4k|16k|65k)$/ })).toHaveCount(3);
  await expect(page.getByTestId('l0-matched')).toHaveCount(3);
  await expect(page.getByLabel('Presets: paper figures')).toHaveValue('scr-per-width');
  // Any change of the view leaves the preset.
  await page.getByLabel('log Y').check();
  await expect(page.getByTestId('preset-caption')).toHaveCount(0);
  await expect(page.getByLabel('Presets: paper figures')).toHaveValue('');
  await page.goBack();
  await page.goBack();
  await expect(page.getByTestId('scatter-plot')).toBeVisible();
});

test('figure export: SVG and 300 dpi PNG at paper column widths, plots and matrices', async ({ page }) => {
  await page.goto('/?v=2&view=pareto');
  await expect(page.getByTestId('pareto-plot')).toHaveAttribute('data-points', /\d+/);
  const { readFileSync } = await import('node:fs');
  let lastName = '';
  const save = async (name: string) => {
    await openExport(page);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name, exact: true }).click();
    const d = await download;
    lastName = d.suggestedFilename();
    expect(lastName).toMatch(new RegExp(`\\.${name.toLowerCase()}$`));
    return readFileSync(await d.path());
  };
  const svg = (await save('SVG')).toString('utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).toContain('width="312"');
  expect(svg).toContain('Matryoshka Batch TopK');
  await openExport(page);
  await page.getByLabel('Figure size').selectOption('double');
  const png = await save('PNG');
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(Math.round(648 * 300 / 96)); // IHDR width

  await page.getByRole('tab', { name: 'Agreement' }).click();
  await expect(page.getByTestId('agreement-matrix')).toBeVisible();
  const matrix = (await save('SVG')).toString('utf8');
  expect(matrix).toContain('width="648"');
  expect(matrix).toContain('Metric agreement (Spearman');
  // Named after the view shown, not after the scatter's axes still in the state.
  expect(lastName).toMatch(/^saebench_agreement_spearman/);
  expect(lastName).not.toContain('ce_loss_score');
  const matrixPng = await save('PNG');
  expect(matrixPng.readUInt32BE(16)).toBe(Math.round(648 * 300 / 96));
});
