// Bring your own results: files added through the button join every view, survive a reload, never travel in a
// link, and leave no trace once removed.
import { readFileSync } from 'node:fs';
import { SAES } from './data.ts';
import { downloadCsv, expect, plottedPoints, test } from './fixtures.ts';

const FIXTURES = 'data/saebench/sources/adamkarvonen__SAEBench/8042bb3828c6340da8d12062324e92b2077c571c/tests/acceptance/test_data';
const fixture = (path: string) => JSON.parse(readFileSync(`${FIXTURES}/${path}`, 'utf8')) as Record<string, unknown>;
const file = (name: string, doc: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(typeof doc === 'string' ? doc : JSON.stringify(doc)) });

const HOSTILE_ID = '<img src=x onerror="window.__pwned=1">trainer_0';
// The acceptance test's core result, given an identity in the default view's sweep (gemma-2-2b, L12, 65k), so it
// lands among the bundled SAEs; its values are the fixture's own.
const core = fixture('core/core_expected_results.json');
const inDefaultSweep = {
  ...core, sae_lens_release_id: 'my_gemma_sweep', sae_lens_id: HOSTILE_ID,
  sae_cfg_dict: { model_name: 'gemma-2-2b', hook_layer: 12, d_sae: 65536, architecture: 'topk', hook_name: 'blocks.12.hook_resid_post' },
};
const FILES = [
  file('core_in_default_sweep_eval_results.json', inDefaultSweep),
  file('core_expected_results.json', core), // no sae_cfg_dict: width unknown
  file('scr_expected_results.json', fixture('scr_and_tpp/scr_expected_results.json')),
  file('tpp_expected_results.json', fixture('scr_and_tpp/tpp_expected_results.json')),
  file('sparse_probing_expected_results.json', fixture('sparse_probing/sparse_probing_expected_results.json')),
  file('truncated_eval_results.json', JSON.stringify(core).slice(0, 200)),
];
const DEFAULT_SWEEP = SAES.filter((r) => r.model === 'gemma-2-2b' && r.layer === '12' && r.dict_size === '65536' && r.release === 'sae_bench_0125');

test('added results are highlighted in the plot and the table, persist across a reload, stay out of links, and go without a trace', async ({ page }) => {
  await page.goto('/');
  expect(await plottedPoints(page)).toBe(DEFAULT_SWEEP.length);
  const originalUrl = page.url();
  const rowCount = page.getByTestId('row-count');
  await expect(rowCount).toHaveText(`${DEFAULT_SWEEP.length} of ${SAES.length} SAEs match the filters`);

  await page.getByRole('button', { name: 'Add results' }).click();
  await page.getByLabel('Files or .zip').setInputFiles(FILES);
  const panel = page.getByTestId('add-results');
  // scr, tpp and sparse probing of one SAE are joined into one row: 3 SAEs from 5 good files.
  await expect(panel.getByRole('heading', { name: '3 SAEs in “my SAEs”' })).toBeVisible();
  await expect(panel.getByText(/Import report: 5 loaded, \d+ warnings, 1 rejected/)).toBeVisible();
  await expect(panel.getByTestId('import-report').locator('tr.report-rejected')).toContainText(['truncated_eval_results.json']);
  await expect(panel.getByTestId('import-report').locator('tr.report-rejected')).toContainText(['not valid JSON']);
  // A name holding HTML is shown as text, never run.
  await expect(panel.getByTestId('user-saes')).toContainText(HOSTILE_ID);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await panel.locator('img').count()).toBe(0);
  await expect(panel.getByText('2 of them have an unknown model, layer or width')).toBeVisible();

  // The SAE in the default sweep is plotted, ringed, and counted.
  await expect(rowCount).toHaveText(`${DEFAULT_SWEEP.length + 1} of ${SAES.length + 3} SAEs match the filters`);
  await expect.poll(() => plottedPoints(page)).toBe(DEFAULT_SWEEP.length + 1);
  await expect(page.getByTestId('scatter-plot')).toContainText('Yours (added in this browser)');
  // Its filters were widened for it; the link says nothing of it.
  expect(new URL(page.url()).searchParams.get('release')).toBe('sae_bench_0125,my SAEs');
  expect(page.url()).not.toContain('mine__');

  // A release name that looks like a spreadsheet formula is neutralised in the CSV.
  await panel.getByLabel('Name of your release').fill('=HYPERLINK("http://x")');
  await panel.getByLabel('Name of your release').press('Enter');
  await expect(panel.getByRole('heading', { name: /3 SAEs in “=HYPERLINK/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Table' }).click();
  const mine = page.getByTestId('sae-table').locator('tbody tr.mine');
  await expect(mine).toHaveCount(1);
  await expect(mine).toHaveAttribute('data-sae-id', `mine__my_gemma_sweep/${HOSTILE_ID}`);
  // A long id is cut at its start so that the architecture and trainer stay readable; the full id is its title.
  await expect(mine.locator('td').first()).toHaveAttribute('title', `mine__my_gemma_sweep/${HOSTILE_ID}`);
  await expect(mine.locator('td').first()).toContainText('trainer_0');
  const { records } = await downloadCsv(page);
  const myRow = records.find((r) => r.sae_id!.startsWith('mine__'))!;
  expect(myRow.release).toBe(`'=HYPERLINK("http://x")`);
  expect(myRow.is_user).toBe('true');

  // Side by side with a bundled SAE of the same sweep: yours is ranked among that sweep.
  const bundled = DEFAULT_SWEEP.find((r) => r.architecture === 'topk')!;
  await page.getByRole('tab', { name: 'Compare' }).click();
  const add = page.getByLabel('Add an SAE to compare');
  await add.fill('mine__my_gemma');
  await add.press('Enter');
  await add.fill(bundled.sae_id!);
  await add.press('Enter');
  const compare = page.getByTestId('compare');
  await expect(compare.locator('thead th')).toHaveCount(3);
  await expect(compare.locator('tr[data-metric=ce_loss_score] td').first()).toContainText(/\d+\/\d+ with the bundled sweep/);
  await expect(compare.locator('tr[data-metric=ce_loss_score] td').nth(1)).toContainText(/\d+\/\d+ in sweep/);
  expect(page.url()).not.toContain('mine__');
  await compare.getByRole('button', { name: `Remove ${bundled.sae_id} from the comparison` }).click();
  await page.getByRole('tab', { name: 'Table' }).click();

  // A reload brings them back from this browser's storage.
  await page.reload();
  await expect(page.getByTestId('sae-table').locator('tbody tr.mine')).toHaveCount(1);
  await expect(page.getByTestId('row-count')).toContainText(`of ${SAES.length + 3} SAEs`);

  // Removing them gives back the original view and counts.
  await page.getByRole('button', { name: 'Add results' }).click();
  await page.getByRole('button', { name: 'Remove all my results' }).click();
  await expect(page.getByTestId('row-count')).toHaveText(`${DEFAULT_SWEEP.length} of ${SAES.length} SAEs match the filters`);
  await expect(page.getByTestId('sae-table').locator('tbody tr.mine')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Scatter' }).click();
  expect(new URL(page.url()).search).toBe(new URL(originalUrl).search);
  await expect.poll(() => plottedPoints(page)).toBe(DEFAULT_SWEEP.length);
  await expect(page.getByTestId('scatter-plot')).not.toContainText('Yours (added in this browser)');
  await page.reload();
  await expect(page.getByTestId('row-count')).toHaveText(`${DEFAULT_SWEEP.length} of ${SAES.length} SAEs match the filters`);
});

test('a link opened by someone with added results says they are not in it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Add results' }).click();
  await page.getByLabel('Files or .zip').setInputFiles(FILES.slice(0, 1));
  await expect(page.getByTestId('row-count')).toContainText(`of ${SAES.length + 1} SAEs`);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByTestId('link-note')).toContainText('not in the link');
});

test('SAEs picked for comparison in quick succession are all kept', async ({ page }) => {
  const ids = DEFAULT_SWEEP.slice(0, 4).map((r) => r.sae_id!);
  await page.goto('/?view=compare');
  const add = page.getByLabel('Add an SAE to compare');
  // No waiting between picks: the view may still show the state of its last answered query.
  for (const id of ids) {
    await add.fill(id);
    await add.press('Enter');
  }
  const headers = page.getByTestId('compare').locator('thead th');
  await expect(headers).toHaveCount(ids.length + 1);
  for (const id of ids) await expect(page.getByTestId('compare').locator('thead')).toContainText(id);
  expect(new URL(page.url()).searchParams.get('cmp')?.split(',')).toEqual(ids);
});
