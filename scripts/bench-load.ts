// npm run bench:load: time from navigation to the first drawn chart, in headless Chromium against the
// production build (vite preview), fresh browser context each run; plus the initial JS size.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const RUNS = Number(process.env.RUNS ?? 7);
const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', '4174', '--strictPort'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 1500));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost'],
});
const times: { data: number; chart: number }[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('http://localhost:4174/?view=scatter&x=l0&y=ce_loss_score');
    await page.waitForFunction(() => performance.getEntriesByName('saebench:first-chart').length > 0, null, { timeout: 60_000 });
    times.push(await page.evaluate(() => ({
      data: performance.getEntriesByName('saebench:data-ready')[0]!.startTime,
      chart: performance.getEntriesByName('saebench:first-chart')[0]!.startTime,
    })));
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)]!.toFixed(0)} ms (min ${s[0]!.toFixed(0)}, max ${s.at(-1)!.toFixed(0)})`;
};
const js = readdirSync('dist/assets').filter((f) => f.startsWith('index-') && f.endsWith('.js'));
const gz = js.reduce((n, f) => n + gzipSync(readFileSync(`dist/assets/${f}`)).length, 0);
const raw = js.reduce((n, f) => n + readFileSync(`dist/assets/${f}`).length, 0);
console.log(`runs: ${RUNS}, fresh context each (cold cache)`);
console.log(`data loaded (DuckDB up + table inserted): ${stats(times.map((t) => t.data))}`);
console.log(`first chart drawn:                        ${stats(times.map((t) => t.chart))}`);
console.log(`initial JS: ${(raw / 1024).toFixed(0)} KiB, gzip ${(gz / 1024).toFixed(0)} KiB (DuckDB wasm ${(readdirSync('dist/assets').filter((f) => f.startsWith('duckdb-eh') && f.endsWith('.wasm')).map((f) => readFileSync(`dist/assets/${f}`).length)[0]! / 2 ** 20).toFixed(1)} MiB, fetched by the worker)`);
