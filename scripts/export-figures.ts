// npm run figures: the paper exports of the Pareto view and the all-metrics grid, single and double column, SVG
// and 300 dpi PNG, saved through the page's own export buttons into docs/figures/. Starts its own server.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const OUT = process.argv[2] ?? 'docs/figures';
const VIEWS = [
  { name: 'pareto', path: '/?view=pareto', plot: 'pareto-plot' },
  { name: 'grid', path: '/?view=grid', plot: 'grid-plot' },
];
const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise<string>((resolve) => server.stdout.on('data', (d: Buffer) => {
  const m = /at (http:\/\/\S+?)\/?\s/.exec(d.toString());
  if (m) resolve(m[1]!);
}));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost'] });
mkdirSync(OUT, { recursive: true });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  for (const v of VIEWS) {
    await page.goto(`${base}${v.path}`);
    await page.getByTestId(v.plot).waitFor();
    await page.waitForFunction((id) => document.querySelector(`[data-testid="${id}"]`)?.hasAttribute('data-points'), v.plot);
    for (const size of ['single', 'double']) {
      const menu = page.locator('details.export-menu');
      if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
      await page.getByLabel('Figure size').selectOption(size);
      for (const format of ['SVG', 'PNG']) {
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: format, exact: true }).click();
        const file = join(OUT, `${v.name}-${size}.${format.toLowerCase()}`);
        copyFileSync(await (await download).path(), file);
        console.log(`wrote ${file}`);
      }
    }
  }
} finally {
  await browser.close();
  server.kill();
}
