// axe-core on every view and on the panels that open over them: no serious or critical violation.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openExport, test } from './fixtures.ts';

const READY = '.plot[data-points], .matrix-view, [data-testid="sae-table"], [data-testid="compare"], section.rescore';
const CMP = 'saebench0125__gemma-2-2b__L12__65k__topk__t2,saebench0125__gemma-2-2b__L12__65k__matryoshka_batch_topk__t2';
const VIEWS: { name: string; path: string; then?: (page: Page) => Promise<void> }[] = [
  { name: 'scatter', path: '/' },
  { name: 'pareto', path: '/?view=pareto' },
  { name: 'scaling', path: '/?view=scaling&y=scr_top20' },
  { name: 'all metrics', path: '/?view=grid' },
  { name: 'agreement', path: '/?view=agreement' },
  { name: 'coverage', path: '/?view=coverage' },
  { name: 'table', path: '/?view=table' },
  { name: 'compare', path: `/?view=compare&cmp=${CMP}` },
  { name: 're-score', path: '/?view=rescore' },
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
