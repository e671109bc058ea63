// The layout at 1440×900, 1024×768 and 390×844: the plot keeps at least half the width (all of it on a phone)
// with the detail panel open, the plot, its legend and the panel never overlap, the toolbar takes two rows on a
// wide screen, and a keyboard-only journey selects an SAE through the search box and closes the panel with Escape.
import type { Page } from '@playwright/test';
import { expect, plottedPoints, test } from './fixtures.ts';

const SIZES = [
  { width: 1440, height: 900, minPlot: 0.5 },
  { width: 1024, height: 768, minPlot: 0.5 },
  { width: 390, height: 844, minPlot: 0.85 },
];
const ID = 'saebench0125__gemma-2-2b__L12__65k__matryoshka_batch_topk__t2';

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 1 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 1;

/** Tabs until the search box has focus (a keyboard user's way there), at most 40 presses. */
async function tabTo(page: Page, id: string) {
  for (let i = 0; i < 40; i++) {
    if (await page.evaluate((x) => document.activeElement?.id === x, id)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

for (const size of SIZES) {
  test(`at ${size.width}×${size.height}: keyboard journey, plot size and no overlaps with the panel open`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto('/');
    await plottedPoints(page);
    const plot = page.getByTestId('scatter-plot');
    // On a phone the plot starts above the fold.
    expect((await plot.boundingBox())!.y).toBeLessThan(size.height * 0.75);
    if (size.width >= 1280) {
      const rows = await page.locator('.toolbar > .toolbar-row').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(rows).toHaveLength(2);
      for (const h of rows) expect(h).toBeLessThan(40);
    }

    await tabTo(page, 'sae-search');
    await page.keyboard.type(ID);
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('detail-panel');
    await expect(page.getByTestId('detail-sae-id')).toHaveText(ID);
    await expect(page.getByTestId('detail-sae-id')).toBeFocused();
    await expect(page).toHaveURL(new RegExp(`sel=${ID}`));

    // The plot reflows around the panel: at least its share of the width, its SVG no wider than its box.
    await expect.poll(async () => (await plot.boundingBox())!.width).toBeGreaterThanOrEqual(size.width * size.minPlot);
    await expect.poll(() => plot.evaluate((el) => el.querySelector('.main-svg')!.getBoundingClientRect().width - el.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
    const plotBox = (await plot.boundingBox())!;
    const panelBox = (await panel.boundingBox())!;
    const legendBox = (await plot.locator('.legend').boundingBox())!;
    expect(overlap(plotBox, panelBox), 'plot and panel').toBe(false);
    expect(overlap(legendBox, panelBox), 'legend and panel').toBe(false);
    expect(legendBox.x + legendBox.width).toBeLessThanOrEqual(plotBox.x + plotBox.width + 1);
    // Nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);

    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(page.locator('#sae-search')).toBeFocused();
    expect(new URL(page.url()).searchParams.get('sel')).toBeNull();
  });
}

test('view tabs follow the arrow keys, Home and End', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Scatter' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Pareto' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Pareto' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Re-score an SAE' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Scatter' })).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/view=scatter|^[^?]*\?v=2$/);
});

test('on narrow screens the filters open as a sheet that Escape closes', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await expect(page.getByRole('complementary', { name: 'Filters' })).toHaveCount(0);
  await page.getByRole('button', { name: /^Filters/ }).click();
  const sheet = page.getByRole('complementary', { name: 'Filters' });
  await expect(sheet).toBeVisible();
  await sheet.locator('input[data-value="4096"]').check();
  await expect(page).toHaveURL(/width=65536,4096/);
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
});

test('arrowing quickly through the view tabs leaves one history entry, so Back returns to where it started', async ({ page }) => {
  await page.goto('/?view=scatter');
  await page.getByRole('tab', { name: 'Scatter' }).focus();
  const before = await page.evaluate(() => history.length);
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Table' })).toHaveAttribute('aria-selected', 'true');
  expect(await page.evaluate(() => history.length)).toBe(before + 1);
  await page.goBack();
  await expect(page.getByRole('tab', { name: 'Scatter' })).toHaveAttribute('aria-selected', 'true');
});
