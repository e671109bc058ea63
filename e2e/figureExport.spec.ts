// Paper figures: every exported SVG is checked by rendering it and measuring its text: nothing outside the
// figure (clipped), no two labels overlapping, no font under 7 pt. The grid exports only panels with data.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openExport, test } from './fixtures.ts';

const PT7 = (7 * 96) / 72;

async function exportSvg(page: Page, size: 'single' | 'double'): Promise<string> {
  await openExport(page);
  await page.getByLabel('Figure size').selectOption(size);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'SVG', exact: true }).click();
  return readFileSync(await (await download).path(), 'utf8');
}

interface TextBox { text: string; x0: number; y0: number; x1: number; y1: number; font: number }

/** Renders the SVG alone in a page and returns its size and the box of every visible, non-empty text. */
async function measure(page: Page, svg: string): Promise<{ width: number; height: number; boxes: TextBox[] }> {
  const view = await page.context().newPage();
  await view.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
  const out = await view.evaluate(() => {
    const root = document.querySelector('svg')!;
    const r = root.getBoundingClientRect();
    const boxes = [...root.querySelectorAll('text')].flatMap((t) => {
      const style = getComputedStyle(t);
      const text = (t.textContent ?? '').trim();
      const box = t.getBoundingClientRect();
      if (!text || style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0 || box.width === 0) return [];
      return [{ text, x0: box.left - r.left, y0: box.top - r.top, x1: box.right - r.left, y1: box.bottom - r.top, font: parseFloat(style.fontSize) }];
    });
    return { width: r.width, height: r.height, boxes };
  });
  await view.close();
  return out;
}

function problems(m: { width: number; height: number; boxes: TextBox[] }): string[] {
  const out: string[] = [];
  const tol = 0.5;
  for (const b of m.boxes) {
    if (b.x0 < -tol || b.y0 < -tol || b.x1 > m.width + tol || b.y1 > m.height + tol) out.push(`clipped: "${b.text}" at [${b.x0.toFixed(1)}, ${b.y0.toFixed(1)}, ${b.x1.toFixed(1)}, ${b.y1.toFixed(1)}] in ${m.width}×${m.height}`);
    if (b.font < PT7 - 0.01) out.push(`under 7 pt: "${b.text}" at ${((b.font * 72) / 96).toFixed(2)} pt`);
  }
  // Glyph boxes include line spacing: two labels overlap when their boxes share more than 1.5 px each way.
  m.boxes.forEach((a, i) => m.boxes.slice(i + 1).forEach((b) => {
    const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
    const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
    if (dx > 1.5 && dy > 1.5) out.push(`overlap: "${a.text}" and "${b.text}"`);
  }));
  return out;
}

const CASES = [
  { name: 'Pareto view', path: '/?v=2&view=pareto', plot: 'pareto-plot' },
  { name: 'scatter, coloured by a metric', path: '/?v=2&view=scatter&color=scr_top20', plot: 'scatter-plot' },
  { name: 'all-metrics grid', path: '/?v=2&view=grid', plot: 'grid-plot' },
  { name: 'agreement matrix', path: '/?v=2&view=agreement&width=', plot: 'agreement-matrix' },
];

for (const c of CASES) {
  test(`exported SVG of the ${c.name}: nothing clipped, nothing overlapping, no font under 7 pt`, async ({ page }) => {
    await page.goto(c.path);
    await expect(page.getByTestId(c.plot)).toBeVisible();
    if (c.plot !== 'agreement-matrix') await expect(page.getByTestId(c.plot)).toHaveAttribute('data-points', /\d+/);
    for (const size of ['single', 'double'] as const) {
      const m = await measure(page, await exportSvg(page, size));
      expect(m.width).toBe(size === 'single' ? 312 : 648);
      expect(m.boxes.length).toBeGreaterThan(10);
      expect(problems(m), `${c.name}, ${size} column`).toEqual([]);
    }
  });
}

test('the grid export holds only the panels with data, or those picked, and drops the on-screen title', async ({ page }) => {
  await page.goto('/?v=2&view=grid&model=pythia-160m-deduped&layer=8&width=16384');
  await expect(page.getByTestId('grid-plot')).toHaveAttribute('data-points', /\d+/);
  const titlesOf = async () => (await measure(page, await exportSvg(page, 'double'))).boxes.map((b) => b.text).filter((t) => t.endsWith('↑'));
  const empty = await page.getByTestId('grid-empty').locator('li').count() - 1;
  expect(empty).toBeGreaterThan(0);
  const titles = await titlesOf();
  expect(titles).toHaveLength(9 - empty);
  await page.getByText(/Panels in the figure export/).click();
  await page.getByLabel('Loss recovered', { exact: true }).uncheck();
  const picked = await titlesOf();
  expect(picked).toHaveLength(9 - empty - 1);
  expect(picked).not.toContain('Loss recovered ↑');
});

test('the paper figure keeps the zoom the URL restores', async ({ page }) => {
  await page.goto('/?v=2&view=scatter&xr=30,300&yr=0.98,1');
  await expect(page.getByTestId('scatter-plot')).toHaveAttribute('data-points', /\d+/);
  const m = await measure(page, await exportSvg(page, 'double'));
  const ticks = m.boxes.map((b) => b.text);
  expect(ticks).toContain('100');
  expect(ticks).not.toContain('1000');
  expect(ticks).not.toContain('20');
});
