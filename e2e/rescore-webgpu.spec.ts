// Runs in the `webgpu` project (Chromium with --enable-unsafe-webgpu: SwiftShader on this machine).
import { test, expect } from './fixtures.ts';

async function rescore(page: import('@playwright/test').Page, engine: 'CPU (Web Worker)' | 'WebGPU') {
  await page.getByLabel(engine).check();
  await page.getByRole('button', { name: 'Re-score demo' }).click();
  const result = page.getByTestId('rescore-result');
  await expect(result).toContainText(engine === 'WebGPU' ? '(GPU,' : '(CPU,', { timeout: 120_000 });
  const values: Record<string, number> = {};
  for (const row of await result.locator('tbody tr').all()) {
    values[(await row.getAttribute('data-metric'))!] = Number(await row.locator('td').first().textContent());
  }
  return values;
}

test('the WebGPU engine gives the CPU engine\'s numbers in Chromium', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/?view=rescore');
  await expect(page.getByLabel('WebGPU')).toBeEnabled();
  const cpu = await rescore(page, 'CPU (Web Worker)');
  const gpu = await rescore(page, 'WebGPU');
  expect(Object.keys(gpu).length).toBeGreaterThan(8);
  for (const [k, v] of Object.entries(cpu)) {
    // Values are shown to 4 significant digits; the engines agree far more closely (tests/gpu).
    expect(Math.abs((gpu[k] ?? NaN) - v), k).toBeLessThanOrEqual(Math.max(1e-3, Math.abs(v) * 1e-3));
  }
});

test('a WebGPU device lost during a re-score falls back to the CPU engine and says so', async ({ page }) => {
  test.setTimeout(240_000);
  // Injected failure: every device the page gets is destroyed shortly after it is created.
  await page.addInitScript(() => {
    const request = GPUAdapter.prototype.requestDevice;
    GPUAdapter.prototype.requestDevice = async function (this: GPUAdapter, desc?: GPUDeviceDescriptor) {
      const device = await request.call(this, desc);
      setTimeout(() => device.destroy(), 20);
      return device;
    };
  });
  await page.goto('/?view=rescore');
  await expect(page.getByLabel('WebGPU')).toBeEnabled();
  await page.getByLabel('WebGPU').check();
  await page.getByRole('button', { name: 'Re-score demo' }).click();
  const result = page.getByTestId('rescore-result');
  await expect(result).toContainText('(CPU,', { timeout: 120_000 });
  await expect(result).toContainText(/WebGPU failed: .+\. These numbers come from the CPU engine instead\./);
  await expect(result).not.toContainText(/\.cpp|VulkanError/);
});
