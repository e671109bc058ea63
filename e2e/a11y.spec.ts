// axe-core on every view and on the panels that open over them: no serious or critical violation.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openExport, test } from './fixtures.ts';
import { VIEW_PAGES, VIEW_READY } from './views.ts';

const READY = VIEW_READY;
const VIEWS: { name: string; path: string; then?: (page: Page) => Promise<void> }[] = [
  ...VIEW_PAGES,
  { name: 'detail panel', path: '/?sel=saebench0125__gemma-2-2b__L12__65k__topk__t2', then: async (p) => { await p.getByTestId('detail-sae-id').waitFor(); } },
  { name: 'export menu', path: '/', then: (p) => openExport(p) },
  { name: 'add results panel', path: '/', then: async (p) => { await p.getByRole('button', { name: 'Add results' }).click(); } },
  { name: 'narrow filters sheet', path: '/', then: async (p) => {
    await p.setViewportSize({ width: 390, height: 844 });
    await p.getByRole('button', { name: /^Filters/ }).click();
  } },
];

/** Serious and critical violations, one line each, naming the rule and the first elements. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const view of VIEWS) {
  test(`axe: ${view.name}`, async ({ page }) => {
    await page.goto(view.path);
    await page.locator(READY).first().waitFor();
    await view.then?.(page);
    await page.waitForTimeout(300);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the first Tab reaches a skip link that jumps past the header and toolbar', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await page.locator(READY).first().waitFor();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the chart' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the filters' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  // The next stop is inside the filter panel, not one of the ~50 header and toolbar controls before it.
  expect(await page.evaluate(() => document.activeElement?.closest('#filters') !== null)).toBe(true);
});

test('arrow keys on the Presets menu browse without applying; Enter applies', async ({ page }) => {
  await page.goto('/');
  await page.locator(READY).first().waitFor();
  const url = page.url();
  const presets = page.getByLabel('Presets: paper figures');
  await presets.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.waitForTimeout(300);
  expect(page.url()).toBe(url);
  const browsed = await presets.inputValue();
  expect(browsed).not.toBe('');
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(url);
  await expect(presets).toHaveValue(browsed);
});

test('the "(?)" beside an axis explains the metric and its direction on keyboard focus, not only on hover', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await page.locator(READY).first().waitFor();
  const help = page.locator('.help').filter({ hasText: '↑ better' }).first();
  const tip = help.getByRole('tooltip');
  await expect(tip).toBeHidden();
  await help.focus();
  await expect(tip).toBeVisible();
  await expect(tip).toContainText(/higher is better/i);
});

/** Presses Tab (or Shift+Tab) until the focused element satisfies `check` (run in the page), at most 150 times. */
async function tabUntil(page: Page, what: string, check: (el: Element) => boolean, key = 'Tab') {
  for (let i = 0; i < 150; i++) {
    if (await page.evaluate(`(${check.toString()})(document.activeElement ?? document.body)`)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${what}`);
}

test('keyboard only: an axis, a figure export, a CSV download, a filter, the table and a selected SAE', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await page.locator(READY).first().waitFor();
  await page.waitForFunction(() => performance.getEntriesByName('saebench:data-ready').length > 0);

  await tabUntil(page, 'the Y axis', (el) => el instanceof HTMLSelectElement && el.labels?.[0]?.textContent === 'Y');
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/[?&]y=(?!ce_loss_score)/);

  await tabUntil(page, 'the Export menu', (el) => el.matches('details.export-menu summary'), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await tabUntil(page, 'the SVG button', (el) => el.textContent === 'SVG');
  const svg = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await svg).suggestedFilename()).toMatch(/\.svg$/);
  await tabUntil(page, 'Download CSV', (el) => el.getAttribute('aria-label') === 'Download CSV', 'Shift+Tab');
  const csv = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await csv).suggestedFilename()).toMatch(/\.csv$/);

  const count = page.getByTestId('row-count');
  const before = await count.textContent();
  await tabUntil(page, 'the 16k width filter', (el) => el.matches('input[data-value="16384"]'));
  await page.keyboard.press('Space');
  await expect(count).not.toHaveText(before!);
  await expect(page).toHaveURL(/width=65536,16384/);

  await tabUntil(page, 'the view tabs', (el) => el.getAttribute('role') === 'tab', 'Shift+Tab');
  const table = page.getByRole('tab', { name: 'Table' });
  for (let i = 0; i < 9 && !(await table.evaluate((t) => t === document.activeElement)); i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sae-table')).toBeVisible();
  await tabUntil(page, 'a table row', (el) => el.matches('[data-testid=sae-table] tbody tr'));
  await page.keyboard.press('ArrowDown');
  const id = await page.evaluate(() => document.activeElement!.getAttribute('data-sae-id'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('detail-sae-id')).toHaveText(id!);
  await expect(page.getByTestId('detail-sae-id')).toBeFocused();
});

test('a plot has a text alternative and a link to the same SAEs as a table', async ({ page }) => {
  await page.goto('/');
  await page.locator(READY).first().waitFor();
  const figure = page.getByRole('figure', { name: 'Scatter plot' });
  await expect(figure.locator('figcaption')).toContainText(/Scatter plot: Loss recovered .* against L0 .*, \d+ points\./);
  const count = await page.getByTestId('row-count').textContent();
  await figure.getByRole('button', { name: 'See these SAEs as a table' }).click();
  await expect(page.getByTestId('sae-table')).toBeVisible();
  await expect(page.getByTestId('row-count')).toHaveText(count!);
});
