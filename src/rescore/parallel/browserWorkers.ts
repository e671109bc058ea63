// Compute workers as Web Workers (module workers; Vite bundles the entry from this `new URL(...)`).
import type { ComputeWorker, FromComputeWorker, SpawnComputeWorker } from './protocol.ts';

export const spawnBrowserComputeWorker: SpawnComputeWorker = (): ComputeWorker => {
  const w = new Worker(new URL('./computeWorker.browser.ts', import.meta.url), { type: 'module' });
  return {
    post: (msg, transfer) => w.postMessage(msg, transfer ?? []),
    onMessage: (cb) => { w.onmessage = (e: MessageEvent<FromComputeWorker>) => cb(e.data); },
    onError: (cb) => { w.onerror = (e) => cb(new Error(e.message || 'a compute worker failed')); },
    terminate: () => w.terminate(),
  };
};

/** Web Workers exist in this context (a page or a worker that can start nested workers). */
export function browserWorkersAvailable(): boolean {
  return typeof Worker === 'function';
}
