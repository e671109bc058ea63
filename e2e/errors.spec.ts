// A part of the page that fails takes only itself down: the filters, other views and the user's work go on.
import { expect, openExport, test } from './fixtures.ts';

test('a view that throws while drawing shows what failed; filters and other views keep working', async ({ page }) => {
  // Injected failure: every plot observes its size with ResizeObserver; make that throw.
  await page.addInitScript(() => {
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
      constructor() { throw new Error('injected failure: ResizeObserver unavailable'); }
    };
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto('/?view=scatter');
  const failed = page.getByTestId('part-failed');
  await expect(failed).toContainText('The Scatter view failed');
  await expect(failed).toContainText('injected failure: ResizeObserver unavailable');
  await expect(page.getByRole('banner')).toContainText('277 SAEs');

  // The filter panel still filters, and a view that draws no plot still draws.
  const count = page.getByTestId('row-count');
  const before = await count.textContent();
  await page.locator('input[data-value="16384"]').check();
  await expect(count).not.toHaveText(before!);
  await page.getByRole('tab', { name: 'Coverage' }).click();
  await expect(failed).toHaveCount(0);
  await expect(page.getByTestId('coverage')).toBeVisible();
  await expect(page).toHaveURL(/width=65536,16384/);
  expect(pageErrors).toEqual([]);
});

test.describe('under a stricter policy', () => {
  test.use({ allowCspViolations: true });
  test('a policy that forbids WebAssembly: the page says the database cannot start and keeps the first chart', async ({ page, cspViolations }) => {
    await page.route((url) => url.pathname === '/', async (route) => {
      const response = await route.fetch();
      const csp = response.headers()['content-security-policy']!.replace(" 'wasm-unsafe-eval'", '');
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
    });
    await page.goto('/');
    await expect(page.getByRole('alert')).toContainText("The database could not start: this page may not compile WebAssembly");
    await expect(page.getByRole('alert')).toContainText("'wasm-unsafe-eval'");
    await expect(page.getByTestId('scatter-plot')).toHaveAttribute('data-points', /\d+/);
    await expect(page.locator('.db-status')).toHaveCount(0);
    // The refusal itself is the point of this test.
    expect(cspViolations.join('\n')).toMatch(/wasm-eval|wasm-unsafe-eval|WebAssembly/);
  });
});

test.describe('under a policy that forbids data: images', () => {
  test.use({ allowCspViolations: true });
  test('PNG export says why it failed instead of "[object Event]", and SVG export still works', async ({ page }) => {
    await page.route((url) => url.pathname === '/', async (route) => {
      const response = await route.fetch();
      const csp = response.headers()['content-security-policy']!.replace("img-src 'self' data: blob:", "img-src 'self'");
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
    });
    await page.goto('/?view=pareto');
    await expect(page.getByTestId('pareto-plot')).toHaveAttribute('data-points', /\d+/);
    await openExport(page);
    await page.getByRole('button', { name: 'PNG', exact: true }).click();
    await expect(page.getByText(/Figure export failed: the browser would not turn the figure into an image/)).toBeVisible();
    await expect(page.getByText('[object Event]')).toHaveCount(0);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'SVG', exact: true }).click();
    expect((await download).suggestedFilename()).toMatch(/\.svg$/);
  });
});
