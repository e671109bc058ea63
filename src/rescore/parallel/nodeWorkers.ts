// Compute workers as Node worker_threads (CLI, bench, tests). The entry is TypeScript and neither tsx's CLI loader
// nor vitest reach into worker threads, so each worker starts from a tiny ESM shim that registers tsx's ESM hooks
// (tsx/esm/api) and then imports the entry.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ComputeWorker, FromComputeWorker, SpawnComputeWorker } from './protocol.ts';

let shimUrl: URL | undefined;

function workerShim(): URL {
  if (!shimUrl) {
    // Resolved by path: tsx's "./esm/api" export resolves to a CJS build under require(), which cannot register ESM hooks.
    const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
    const api = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href;
    const entry = new URL('./computeWorker.node.ts', import.meta.url).href;
    const code = `import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(entry)});`;
    shimUrl = new URL(`data:text/javascript,${encodeURIComponent(code)}`);
  }
  return shimUrl;
}

export const spawnNodeComputeWorker: SpawnComputeWorker = (): ComputeWorker => {
  const w = new Worker(workerShim(), { execArgv: [] });
  return {
    post: (msg, transfer) => w.postMessage(msg, (transfer ?? []) as ArrayBuffer[]),
    onMessage: (cb) => { w.on('message', (m: FromComputeWorker) => cb(m)); },
    onError: (cb) => { w.on('error', cb); },
    terminate: () => void w.terminate(),
  };
};
