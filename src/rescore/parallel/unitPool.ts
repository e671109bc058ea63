// Runs units of work on compute workers (two in flight per worker, so a worker never waits for the next message) or
// inline, and returns the outputs in unit order. Cancel (abort signal) terminates the workers.
import { fail, RescoreError } from '../errors.ts';
import type { EncoderJob, UnitInput, UnitOutput } from '../unitEncoder.ts';
import type { ComputeWorker, SpawnComputeWorker } from './protocol.ts';

export interface UnitRunner {
  run(unit: UnitInput): Promise<UnitOutput>;
  close(): void;
}

export interface UnitPoolOptions {
  runners: number;
  job: EncoderJob;
  /** Without it the units run inline, one after another. */
  spawn?: SpawnComputeWorker;
  inline: (job: EncoderJob) => UnitRunner;
  signal?: AbortSignal;
  onUnit: (out: UnitOutput) => Promise<void>;
}

const IN_FLIGHT = 2;

export async function runUnits(inputs: (() => UnitInput)[], o: UnitPoolOptions): Promise<UnitOutput[]> {
  const outs: UnitOutput[] = new Array<UnitOutput>(inputs.length);
  if (!o.spawn) {
    const runner = o.inline(o.job);
    try {
      for (let i = 0; i < inputs.length; i++) {
        if (o.signal?.aborted) fail('ABORTED', 'Re-scoring was cancelled');
        outs[i] = await runner.run(inputs[i]!());
        await o.onUnit(outs[i]!);
      }
    } finally {
      runner.close();
    }
    return outs;
  }
  const spawn = o.spawn;
  const workers: ComputeWorker[] = [];
  let onAbort = () => {};
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0, finished = 0;
      const stop = (err: Error) => reject(err);
      const feed = (w: ComputeWorker) => {
        if (next >= inputs.length) return;
        const unit = inputs[next++]!();
        w.post({ kind: 'unit', unit }, [unit.x.buffer, unit.tokens.buffer]);
      };
      onAbort = () => stop(new RescoreError('ABORTED', 'Re-scoring was cancelled'));
      o.signal?.addEventListener('abort', onAbort, { once: true });
      if (o.signal?.aborted) return stop(new RescoreError('ABORTED', 'Re-scoring was cancelled'));
      for (let r = 0; r < o.runners; r++) {
        const w = spawn();
        workers.push(w);
        w.onError(stop);
        w.onMessage((msg) => {
          if (msg.kind === 'error') return stop(new Error(`compute worker: ${msg.message}`));
          if (msg.kind === 'ready') { for (let k = 0; k < IN_FLIGHT; k++) feed(w); return; }
          outs[msg.out.index] = msg.out;
          o.onUnit(msg.out).then(() => {
            if (++finished === inputs.length) resolve();
            else feed(w);
          }, stop);
        });
        w.post({ kind: 'init', job: o.job });
      }
    });
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    for (const w of workers) w.terminate();
  }
  return outs;
}
