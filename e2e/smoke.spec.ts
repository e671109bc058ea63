import { test, expect, plottedPoints } from './fixtures.ts';

test('loads the real data and draws the default chart', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto('/');
  await expect(page.getByTestId('row-count')).toContainText('42 of 277 SAEs');
  expect(await plottedPoints(page)).toBe(42);
  expect(errors).toEqual([]);
});
