import { SAES } from './data.ts';
import { test, expect } from './fixtures.ts';

test('table: better-first sorting, header toggles, selection shared with the detail panel', async ({ page }) => {
  await page.goto('/?view=table&y=absorption_fraction&model=pythia-160m-deduped&layer=8&width=4096');
  const table = page.getByTestId('sae-table');
  const firstRow = table.locator('tbody tr').first();
  // Absorption: lower is better, so the lowest value comes first.
  const best = SAES.filter((r) => r.model === 'pythia-160m-deduped' && r.layer === '8' && r.release === 'sae_bench_0125' && r.dict_size === '4096' && r.absorption_fraction !== '')
    .sort((a, b) => Number(a.absorption_fraction) - Number(b.absorption_fraction))[0]!;
  await expect(firstRow).toHaveAttribute('data-sae-id', best.sae_id!);
  await expect(table.locator('thead')).toContainText('Absorption fraction: provenance');
  await expect(firstRow).toContainText('published_0125');

  await table.getByRole('button', { name: 'Absorption fraction ↓' }).click();
  await expect(page).toHaveURL(/sort=absorption_fraction:desc/);
  await expect(firstRow).not.toHaveAttribute('data-sae-id', best.sae_id!);

  await firstRow.focus();
  await page.keyboard.press('Enter');
  const id = await firstRow.getAttribute('data-sae-id');
  await expect(page.getByTestId('detail-sae-id')).toHaveText(id!);
  await expect(page).toHaveURL(new RegExp(`sel=${id}`));
});
