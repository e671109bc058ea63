// npm run bench [-- --sizes real,10k,100k,1m --runs 5 --changes 30 --dist dist --out bench-results.json --smoke]
//   --dataset DIR adds the dataset in DIR (e.g. what npm run ingest wrote) as one more size, named after DIR.
// Playwright in Chromium against the production build served by scripts/serve.mjs (a plain static server),
// a fresh browser profile per cold run. Per dataset size: page open to first chart painted, to table filled,
// to DuckDB ready; filter change until every visible view has painted and axis change until the chart has
// painted (p50/p95, measured from the input event); long tasks; pan frame time on the scatter; initial JS
// (gzip) and total transfer; JS heap. The synthetic sizes come from scripts/make-scale-data.ts (seeded).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus, totalmem } from 'node:os';
import { chromium, type Browser, type Page } from '@playwright/test';
import { INSTRUMENT } from './bench/instrument.ts';

const argv = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1]! : fallback;
};
const smoke = argv.includes('--smoke');
const SIZES = opt('sizes', smoke ? 'real' : 'real,10k,100k,1m').split(',');
const RUNS = Number(opt('runs', smoke ? '1' : '5'));
const CHANGES = Number(opt('changes', smoke ? '3' : '30'));
const DIST = opt('dist', 'dist');
const OUT = opt('out', smoke ? '' : 'bench-results.json');
const ROWS: Record<string, number> = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };
const EXTRA = argv.includes('--dataset') ? opt('dataset', '') : null;
const extraName = EXTRA ? EXTRA.replace(/\/+$/, '').split('/').pop()! : null;
if (extraName) SIZES.push(extraName);

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : Number.NaN;
};
const stat = (xs: number[]) => ({ p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });

async function startServer(): Promise<{ url: string; stop: () => void }> {
  const mounts = Object.keys(ROWS).flatMap((k) => ['--mount', `/data/synthetic-${k}/=.cache/scale/synthetic-${k}/`]);
  if (EXTRA) mounts.push('--mount', `/data/${extraName}/=${EXTRA.replace(/\/?$/, '/')}`);
  const child = spawn(process.execPath, ['scripts/serve.mjs', '--dir', DIST, '--port', '0', ...mounts], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      const m = /at (http:\/\/\S+)/.exec(d.toString());
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, stop: () => child.kill() };
}

const launch = () => chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost'],
});

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(INSTRUMENT);
  return context.newPage();
}

const mark = (page: Page, name: string, timeout: number) =>
  page.evaluate(`window.__bench.mark(${JSON.stringify(name)}, ${timeout})`) as Promise<number>;

interface ColdRun { chart: number; db: number; table: number; initialJsGzip: number; transfer: number; heapMb: number }

async function coldRun(browser: Browser, url: string, timeout: number): Promise<ColdRun> {
  const page = await newPage(browser);
  await page.goto(url);
  const chart = await mark(page, 'saebench:first-chart', timeout);
  const db = await mark(page, 'saebench:data-ready', timeout);
  const res = (await page.evaluate(`(() => {
    const entries = performance.getEntriesByType('resource');
    const js = entries.filter((e) => e.name.endsWith('.js') && e.responseEnd <= ${chart || 0} && !e.name.includes('worker'));
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      initialJsGzip: js.reduce((n, e) => n + e.encodedBodySize, 0),
      transfer: entries.reduce((n, e) => n + e.transferSize, 0) + nav.transferSize,
      heapMb: (performance.memory ? performance.memory.usedJSHeapSize : NaN) / 2 ** 20,
    };
  })()`)) as { initialJsGzip: number; transfer: number; heapMb: number };
  await page.context().close();
  const tablePage = await newPage(browser);
  await tablePage.goto(`${url}${url.includes('?') ? '&' : '?'}view=table`);
  const table = await mark(tablePage, 'saebench:table-filled', timeout);
  await tablePage.context().close();
  return { chart, db, table, ...res };
}

/** Waits until nothing visible changed for `quiet` ms and returns input → last paint, and the draws. */
async function settle(page: Page, quiet: number, limit: number): Promise<{ ms: number; draws: number }> {
  // Page-side helpers live in the instrumentation (functions passed from here get rewritten by the TS loader).
  return page.evaluate(`window.__bench.settle(${quiet}, ${limit})`) as Promise<{ ms: number; draws: number }>;
}

interface Interaction { filter: number[]; filterDraws: number[]; axis: number[]; longTasks: { count: number; maxMs: number }; panFrame: number[]; breakdown: Record<string, number> }

async function interactions(browser: Browser, url: string, quiet: number): Promise<Interaction> {
  const page = await newPage(browser);
  await page.goto(url);
  await mark(page, 'saebench:data-ready', 180_000);
  await settle(page, 1500, 60_000);
  await page.evaluate('window.__bench.longTasks = []');
  const boxes = page.locator('fieldset.facet', { hasText: 'Architecture' }).locator('input[type=checkbox]');
  const n = await boxes.count();
  const filter: number[] = [];
  const filterDraws: number[] = [];
  for (let i = 0; i < CHANGES; i++) {
    // Check architectures one by one, then uncheck them, so every change alters what is drawn.
    const box = boxes.nth(Math.floor(i / 2) % n);
    await box.click();
    const r = await settle(page, quiet, 30_000);
    filter.push(r.ms);
    if (process.env.BENCH_DEBUG) console.log("filter", i, r);
    filterDraws.push(r.draws);
  }
  const y = page.getByLabel('Y', { exact: true });
  const metrics = ['explained_variance', 'scr_top20', 'tpp_top20', 'absorption_fraction', 'ravel_disentanglement', 'ce_loss_score'];
  const axis: number[] = [];
  for (let i = 0; i < CHANGES; i++) {
    await y.selectOption(metrics[i % metrics.length]!);
    axis.push((await settle(page, quiet, 30_000)).ms);
  }
  const longTasks = (await page.evaluate('({ count: window.__bench.longTasks.length, maxMs: Math.max(0, ...window.__bench.longTasks.map((x) => x.duration)) })')) as { count: number; maxMs: number };
  // Where the time went: median duration of each kind of query and of Plotly's draws (the app's measures).
  const breakdown = (await page.evaluate(`(() => {
    const by = {};
    for (const e of performance.getEntriesByType('measure')) (by[e.name] = by[e.name] || []).push(e.duration);
    const med = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return Object.fromEntries(Object.entries(by).map(([k, v]) => [k.replace('saebench:', ''), Math.round(med(v))]));
  })()`)) as Record<string, number>;
  const panFrame = await panFrames(page);
  await page.context().close();
  return { filter, filterDraws, axis, longTasks, panFrame, breakdown };
}

/** Frame intervals while dragging the scatter in pan mode. */
async function panFrames(page: Page): Promise<number[]> {
  const plot = page.getByTestId('scatter-plot');
  if (!(await plot.count())) return [];
  // Plotly reads the drag mode from its full layout when a drag starts.
  await page.evaluate("document.querySelector('[data-testid=scatter-plot]')._fullLayout.dragmode = 'pan'");
  const box = (await plot.locator('.nsewdrag').first().boundingBox())!;
  const frames = page.evaluate('window.__bench.frames(90)') as Promise<number[]>;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 0; i < 40; i++) await page.mouse.move(box.x + box.width / 2 + i * 4, box.y + box.height / 2 + i * 2);
  await page.mouse.up();
  return frames;
}

/** Gzip size of the JS the page loads before anything else: the entry script and its module preloads. */
function entryJsGzipKiB(): number {
  const html = readFileSync(`${DIST}/index.html`, 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  return files.reduce((n, f) => n + gzipSync(readFileSync(`${DIST}/${f}`), { level: 9 }).length, 0) / 1024;
}

const fmt = (v: number, d = 0) => (Number.isFinite(v) ? v.toFixed(d) : 'n/a');
const span = (xs: number[]) => (xs.some(Number.isFinite) ? `${fmt(quantile(xs.filter(Number.isFinite), 0.5))} (${fmt(Math.min(...xs.filter(Number.isFinite)))}–${fmt(Math.max(...xs.filter(Number.isFinite)))})` : 'n/a');

if (!existsSync(`${DIST}/index.html`)) throw new Error(`${DIST}/index.html missing: run npm run build first`);
for (const s of SIZES) {
  if (ROWS[s] && !existsSync(`.cache/scale/synthetic-${s}/manifest.json`)) {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/make-scale-data.ts', '--rows', String(ROWS[s])], { stdio: 'inherit' });
  }
}
const server = await startServer();
const browser = await launch();
const results: Record<string, unknown>[] = [];
try {
  for (const size of SIZES) {
    const url = `${server.url}${ROWS[size] ? `?data=data/synthetic-${size}/` : size === extraName ? `?data=data/${extraName}/` : ''}`;
    const timeout = size === '1m' ? 180_000 : 60_000;
    const cold: ColdRun[] = [];
    for (let i = 0; i < RUNS; i++) cold.push(await coldRun(browser, url, timeout));
    const inter = await interactions(browser, url, size === '1m' ? 1500 : 700);
    const row = {
      size, runs: RUNS, changes: CHANGES,
      firstChartMs: stat(cold.map((c) => c.chart)), tableFilledMs: stat(cold.map((c) => c.table)), duckdbReadyMs: stat(cold.map((c) => c.db)),
      filterMs: stat(inter.filter), drawsPerFilterChange: stat(inter.filterDraws), axisMs: stat(inter.axis),
      longTasks: inter.longTasks, panFrameMs: stat(inter.panFrame), medianMs: inter.breakdown,
      initialJsGzipKiB: entryJsGzipKiB(), initialJsSentKiB: cold[0]!.initialJsGzip / 1024, transferMiB: cold[0]!.transfer / 2 ** 20, heapMiB: stat(cold.map((c) => c.heapMb)),
    };
    results.push(row);
    console.log(`${size}: first chart ${span(cold.map((c) => c.chart))} ms, table ${span(cold.map((c) => c.table))} ms, DuckDB ready ${span(cold.map((c) => c.db))} ms; `
      + `filter p50/p95 ${fmt(row.filterMs.p50)}/${fmt(row.filterMs.p95)} ms (draws ${fmt(row.drawsPerFilterChange.p50)}), axis ${fmt(row.axisMs.p50)}/${fmt(row.axisMs.p95)} ms, `
      + `long tasks ${inter.longTasks.count} (max ${fmt(inter.longTasks.maxMs)} ms), pan frame ${fmt(row.panFrameMs.p50, 1)}/${fmt(row.panFrameMs.p95, 1)} ms, `
      + `median ${Object.entries(inter.breakdown).map(([k, v]) => `${k} ${v}`).join(', ')} ms; `
      + `initial JS ${fmt(row.initialJsGzipKiB)} KiB gzip (${fmt(row.initialJsSentKiB)} KiB as sent before the first chart), transfer ${fmt(row.transferMiB, 1)} MiB, heap ${fmt(row.heapMiB.p50)} MiB`);
  }
} finally {
  await browser.close();
  server.stop();
}
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Chromium headless (SwiftShader)`;
console.log(`\n| size | first chart ms | table filled ms | DuckDB ready ms | filter p50/p95 ms | draws/filter | axis p50/p95 ms | long tasks (max ms) | pan frame p50/p95 ms | initial JS KiB | transfer MiB | heap MiB |`);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results as { size: string; firstChartMs: ReturnType<typeof stat>; tableFilledMs: ReturnType<typeof stat>; duckdbReadyMs: ReturnType<typeof stat>; filterMs: ReturnType<typeof stat>; drawsPerFilterChange: ReturnType<typeof stat>; axisMs: ReturnType<typeof stat>; longTasks: { count: number; maxMs: number }; panFrameMs: ReturnType<typeof stat>; initialJsGzipKiB: number; transferMiB: number; heapMiB: ReturnType<typeof stat> }[]) {
  const m = (s: ReturnType<typeof stat>) => `${fmt(s.p50)} (${fmt(s.min)}–${fmt(s.max)})`;
  console.log(`| ${r.size} | ${m(r.firstChartMs)} | ${m(r.tableFilledMs)} | ${m(r.duckdbReadyMs)} | ${fmt(r.filterMs.p50)} / ${fmt(r.filterMs.p95)} | ${fmt(r.drawsPerFilterChange.p50)} | ${fmt(r.axisMs.p50)} / ${fmt(r.axisMs.p95)} | ${r.longTasks.count} (${fmt(r.longTasks.maxMs)}) | ${fmt(r.panFrameMs.p50, 1)} / ${fmt(r.panFrameMs.p95, 1)} | ${fmt(r.initialJsGzipKiB)} | ${fmt(r.transferMiB, 1)} | ${fmt(r.heapMiB.p50)} |`);
}
console.log(`\nmachine: ${machine}; ${RUNS} cold runs per size, ${CHANGES} changes per interaction`);
if (OUT) writeFileSync(OUT, JSON.stringify({ machine, date: new Date().toISOString(), results }, null, 2));
