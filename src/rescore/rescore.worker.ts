// Runs the CPU engine off the main thread: parse files, re-score, report progress. Cancel = terminate(), which also
// ends the nested compute workers. The fast engine (wasm SIMD on 2 nested workers) falls back by itself to one
// thread without nested workers and to the scalar engine without wasm SIMD; the result's engineLabel says which ran.
import { parseBundle } from './bundle.ts';
import { rescoreCpuFast } from './fastCpuEngine.ts';
import { loadSaeFromFiles } from './loadSae.ts';
import { browserWorkersAvailable, spawnBrowserComputeWorker } from './parallel/browserWorkers.ts';
import type { RescoreProgress, RescoreResult } from './types.ts';

export interface RescoreRequest {
  saeFiles: [string, Uint8Array][];
  bundle: Uint8Array;
  name: string;
}

export type RescoreMessage =
  | { kind: 'progress'; progress: RescoreProgress }
  | { kind: 'done'; result: RescoreResult; saeName: string; architecture: string }
  | { kind: 'error'; message: string };

self.onmessage = async (e: MessageEvent<RescoreRequest>) => {
  const post = (m: RescoreMessage) => (self as unknown as Worker).postMessage(m);
  try {
    const sae = loadSaeFromFiles(new Map(e.data.saeFiles), { name: e.data.name });
    const bundle = parseBundle(e.data.bundle);
    // Up to 4 compute workers (each holds a packed copy of W_enc), at least 2.
    const threads = Math.min(4, Math.max(2, navigator.hardwareConcurrency || 2));
    const result = await rescoreCpuFast(sae, bundle, {
      onProgress: (progress) => post({ kind: 'progress', progress }),
      spawnWorker: browserWorkersAvailable() ? spawnBrowserComputeWorker : undefined,
      threads,
    });
    // The loader's notes (e.g. no activation_scaler.json, so no scaling) reach the page as the CLI prints them.
    post({ kind: 'done', result: { ...result, notes: [...sae.description.notes, ...result.notes] }, saeName: sae.description.name, architecture: sae.architecture });
  } catch (err) {
    post({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
