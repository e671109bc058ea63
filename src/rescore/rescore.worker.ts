// Runs the CPU engine off the main thread: parse files, re-score, report progress. Cancel = terminate().
import { parseBundle } from './bundle.ts';
import { rescoreCpu } from './cpuEngine.ts';
import { loadSaeFromFiles } from './loadSae.ts';
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
    const result = await rescoreCpu(sae, bundle, { onProgress: (progress) => post({ kind: 'progress', progress }) });
    post({ kind: 'done', result, saeName: sae.description.name, architecture: sae.architecture });
  } catch (err) {
    post({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
