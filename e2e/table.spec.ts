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

test('table rows: one Tab stop, arrow keys and End move through them, Enter selects', async ({ page }) => {
  await page.goto('/?view=table');
  const rows = page.locator('[data-testid=sae-table] tbody tr');
  await expect(rows.first()).toBeVisible();
  expect(await page.locator('[data-testid=sae-table] tbody tr[tabindex="0"]').count()).toBe(1);
  await rows.first().focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  const third = page.locator('[data-testid=sae-table] tbody tr[data-index="3"]');
  await expect(third).toBeFocused();
  const id = await third.getAttribute('data-sae-id');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('detail-sae-id')).toHaveText(id!);
  await third.focus();
  await page.keyboard.press('End');
  const count = Number((await page.getByTestId('row-count').textContent())!.split(' ')[0]);
  await expect(page.locator(`[data-testid=sae-table] tbody tr[data-index="${count - 1}"]`)).toBeFocused();
});
