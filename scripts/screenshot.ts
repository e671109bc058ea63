// npm run screenshots [-- --only scatter,table --widths 1440,390 --out docs/screenshots]
// Every view of the production build (dist/) at 1440×900, 1024×768 and 390×844, plus the detail panel open and
// the add-results panel, into docs/screenshots/<view>-<width>.png. Starts its own server.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { VIEW_PAGES, VIEW_READY } from '../e2e/views.ts';

const argv = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1]! : fallback;
};
const OUT = opt('out', 'docs/screenshots');
const WIDTHS = opt('widths', '1440,1024,390').split(',').map(Number);
const HEIGHT: Record<number, number> = { 1440: 900, 1024: 768, 390: 844 };

interface Shot { name: string; path: string; then?: (page: Page) => Promise<void> }
const SHOTS: Shot[] = [
  ...VIEW_PAGES,
  { name: 'scatter-detail', path: '/', then: async (p) => {
    await p.getByLabel('Find an SAE').fill('saebench0125__gemma-2-2b__L12__65k__matryoshka_batch_topk__t2');
    await p.getByLabel('Find an SAE').press('Enter');
    await p.getByTestId('detail-sae-id').waitFor();
  } },
  { name: 'filters-open', path: '/', then: async (p) => {
    const toggle = p.getByRole('button', { name: /^Filters/ });
    if (await toggle.count()) await toggle.click();
  } },
  { name: 'add-results', path: '/', then: async (p) => {
    await p.getByRole('button', { name: 'Add results' }).click();
  } },
];
const only = argv.includes('--only') ? opt('only', '').split(',') : null;

const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise<string>((resolve) => server.stdout.on('data', (d: Buffer) => {
  const m = /at (http:\/\/\S+?)\/?\s/.exec(d.toString());
  if (m) resolve(m[1]!);
}));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost'],
});
mkdirSync(OUT, { recursive: true });
try {
  for (const width of WIDTHS) {
    const page = await browser.newPage({ viewport: { width, height: HEIGHT[width] ?? 900 } });
    for (const shot of SHOTS.filter((s) => !only || only.includes(s.name))) {
      await page.goto(`${base}${shot.path}`);
      await page.locator(VIEW_READY).first().waitFor({ timeout: 30_000 }).catch(() => undefined);
      await page.waitForFunction(() => performance.getEntriesByName('saebench:data-ready').length > 0, null, { timeout: 30_000 }).catch(() => undefined);
      await shot.then?.(page);
      await page.waitForTimeout(800);
      const file = join(OUT, `${shot.name}-${width}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
