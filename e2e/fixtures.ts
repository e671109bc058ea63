// Every test fails if the page (or a worker) tries to reach anything but localhost, or if anything the page does
// is refused by its content security policy (the server sends the production CSP as a header).
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ offOrigin: string[]; cspViolations: string[]; allowCspViolations: boolean }>({
  // A test that provokes refusals on purpose (a stricter policy) sets this with test.use.
  allowCspViolations: [false, { option: true }],
  cspViolations: [
    async ({ context, allowCspViolations }, use) => {
      const violations: string[] = [];
      await context.exposeBinding('__saebenchCspViolation', (_source, text: string) => { violations.push(text); });
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          (window as unknown as { __saebenchCspViolation(t: string): void }).__saebenchCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
        });
      });
      // Workers have no document; Chromium reports their refusals on the console.
      context.on('console', (msg) => {
        if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
      });
      await use(violations);
      if (!allowCspViolations) expect(violations, 'content security policy violations').toEqual([]);
    },
    { auto: true },
  ],
  offOrigin: [
    async ({ context }, use) => {
      const blocked: string[] = [];
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.protocol === 'blob:' || url.protocol === 'data:' || url.hostname === 'localhost' || url.hostname === '127.0.0.1') {
          return route.continue();
        }
        blocked.push(route.request().url());
        return route.abort();
      });
      await use(blocked);
      expect(blocked, 'requests that left localhost').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Waits until the scatter plot has drawn and returns how many points it reports. */
export async function plottedPoints(page: import('@playwright/test').Page): Promise<number> {
  const plot = page.getByTestId('scatter-plot');
  await expect(plot).toHaveAttribute('data-points', /\d+/);
  return Number(await plot.getAttribute('data-points'));
}

/** Opens the toolbar's Export menu (if it is closed). */
export async function openExport(page: import('@playwright/test').Page): Promise<void> {
  const menu = page.locator('details.export-menu');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
}

/** Clicks the view's "Download CSV" button and parses the file it saves. */
export async function downloadCsv(page: import('@playwright/test').Page): Promise<{ header: string[]; records: Record<string, string>[] }> {
  const { readFileSync } = await import('node:fs');
  const { parseCsvRecords } = await import('../src/ingest/csv.ts');
  await openExport(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  return parseCsvRecords(readFileSync(await (await download).path(), 'utf8'));
}
