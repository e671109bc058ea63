// A folder in the official results layout, built from the bundled SAEBench output files, goes through
// `npm run ingest`; ?data= on what it wrote shows those SAEs. Another origin needs the user's yes; a dataset that
// fails to load leaves the bundled one in place and says why.
import { execFileSync } from 'node:child_process';
import { SAES } from './data.ts';
import { expect, test } from './fixtures.ts';

const OUT = '.cache/e2e-data';
let summary = '';

test.beforeAll(() => {
  const tsx = (args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  tsx(['scripts/make-official-layout.ts', '--out', `${OUT}/official`]);
  summary = tsx(['scripts/ingest.ts', `${OUT}/official`, '--out', `${OUT}/ingested`]);
});

test('the ingest CLI reads the official layout, and ?data= on its output shows those SAEs', async ({ page }) => {
  const n = Number(/ingest: (\d+) SAEs from (\d+) files/.exec(summary)?.[1]);
  expect(n).toBeGreaterThan(100);
  expect(summary).toMatch(/core: 1 results/);
  expect(summary).toMatch(/rejected: 0 files or values/);

  await page.goto('/?data=e2e-data/ingested/&view=table&model=&layer=&width=&arch=&release=&prov=');
  await expect(page.getByRole('banner')).toContainText(`${n} SAEs, real SAEBench results with provenance`);
  await expect(page.getByTestId('row-count')).toHaveText(`${n} of ${n} SAEs match the filters`);
  await expect(page.getByTestId('sae-table')).toContainText('ingested');

  const search = page.getByLabel('Find an SAE');
  await search.fill('sae_bench_pythia70m_sweep_topk_ctx128_0730/blocks.4.hook_resid_post__trainer_10');
  await search.press('Enter');
  await expect(page.getByTestId('detail-sae-id')).toHaveText('sae_bench_pythia70m_sweep_topk_ctx128_0730/blocks.4.hook_resid_post__trainer_10');
  // The dataset stays in the link.
  expect(new URL(page.url()).searchParams.get('data')).toBe('e2e-data/ingested/');
});

test('a dataset on another origin loads only after the user agrees', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (r) => new URL(r.url()).hostname === '127.0.0.1' && asked.push(r.url()));
  await page.goto('/?data=http://127.0.0.1:4173/e2e-data/ingested/');
  const dialog = page.getByRole('dialog', { name: 'Load a dataset from another site?' });
  await expect(dialog).toContainText('http://127.0.0.1:4173/e2e-data/ingested/');
  expect(asked).toEqual([]);
  await dialog.getByRole('button', { name: 'No, show the bundled SAEBench data' }).click();
  await expect(page.getByRole('banner')).toContainText(`${SAES.length} SAEs`);
  expect(asked).toEqual([]);
  expect(page.url()).not.toContain('data=');
});

test('a dataset that fails to load leaves the bundled data in place and says why', async ({ page }) => {
  await page.goto('/?data=e2e-data/nothing-here/');
  await expect(page.getByRole('banner')).toContainText(`${SAES.length} SAEs`);
  await expect(page.getByText(/Could not load the dataset at e2e-data\/nothing-here\/: .+\. Showing the bundled SAEBench data\./)).toBeVisible();
});
