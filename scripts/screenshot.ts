// npm run screenshot -- [url-path] [out.png]: a screenshot of the running app (for the README).
import { chromium } from '@playwright/test';

const path = process.argv[2] ?? '/?view=scatter&x=l0&y=ce_loss_score&model=gemma-2-2b&width=65536';
const out = process.argv[3] ?? 'docs/screenshot.png';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost'],
});
const page = await browser.newPage({ viewport: { width: 1500, height: 850 } });
await page.goto(`http://localhost:4173${path}`);
await page.locator('.plot, .matrix-view, [data-testid="sae-table"]').first().waitFor();
await page.waitForTimeout(1500);
await page.screenshot({ path: out });
await browser.close();
console.log(`wrote ${out}`);
