// Messages between the fast CPU engine (fastCpuEngine.ts) and its compute workers, and the small interface that
// hides whether a worker is a browser Web Worker or a Node worker_threads Worker.
import type { EncoderJob, UnitInput, UnitOutput } from '../unitEncoder.ts';

export type ToComputeWorker = { kind: 'init'; job: EncoderJob } | { kind: 'unit'; unit: UnitInput };

export type FromComputeWorker =
  | { kind: 'ready' }
  | { kind: 'unit'; out: UnitOutput }
  | { kind: 'error'; message: string };

export interface ComputeWorker {
  post(msg: ToComputeWorker, transfer?: Transferable[]): void;
  onMessage(cb: (msg: FromComputeWorker) => void): void;
  onError(cb: (err: Error) => void): void;
  terminate(): void;
}

/** Starts one compute worker (browserWorkers.ts or nodeWorkers.ts). */
export type SpawnComputeWorker = () => ComputeWorker;

/** Buffers of a unit result, for zero-copy posting. */
export function unitOutputTransfer(out: UnitOutput): Transferable[] {
  return [out.scalars.buffer, out.fired.buffer, out.firedSeq.buffer];
}
