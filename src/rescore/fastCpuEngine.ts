// Fast CPU engine: the steps of cpuEngine.ts with the wasm SIMD kernels (unitEncoder.ts), split over compute workers
// by units of whole sequences. Per-token scalars come back in f64 and are aggregated here in token order, so the
// result is the same for any number of workers. Falls back to one thread without workers, and to the scalar engine
// without wasm SIMD; `engineLabel` and a note say which path ran.
import { checkBundleMatchesSae } from './bundle.ts';
import { checkAbort, finishCpuResult, makeYielder } from './cpuCommon.ts';
import { checkBundleShape, rescoreCpu, unmaskedTokens } from './cpuEngine.ts';
import { transposeWEnc } from './encoders.ts';
import { fail } from './errors.ts';
import { batchOfSeq, batchStats, ReconstructionAccumulator } from './metrics.ts';
import { runUnits, type UnitRunner } from './parallel/unitPool.ts';
import type { SpawnComputeWorker } from './parallel/protocol.ts';
import type { ActivationBundle, CanonicalSae, RescoreOptions, RescoreResult } from './types.ts';
import { TOKEN_SCALARS, UnitEncoder, type EncoderJob, type UnitInput, type UnitOutput } from './unitEncoder.ts';
import { packedGemmABt } from './wasm/gemmWasm.ts';
import { wasmSimdSupported } from './wasm/wasmKernels.ts';

export interface FastCpuOptions extends RescoreOptions {
  /** Starts a compute worker; without it (or with threads = 1) everything runs on this thread. */
  spawnWorker?: SpawnComputeWorker;
  /** Compute workers (default 2). */
  threads?: number;
  /** Tokens per unit of work handed to a worker, rounded up to whole sequences (default 512). */
  unitTokens?: number;
}

/** Cuts the unmasked tokens into units of whole sequences with at least `target` tokens (the last may be smaller). */
export function splitUnits(tokens: Int32Array, ctx: number, target: number): [number, number][] {
  const units: [number, number][] = [];
  let start = 0;
  for (let t = 1; t <= tokens.length; t++) {
    const boundary = t === tokens.length || Math.floor(tokens[t]! / ctx) !== Math.floor(tokens[t - 1]! / ctx);
    if (boundary && (t - start >= target || t === tokens.length)) { units.push([start, t]); start = t; }
  }
  return units;
}

function unitInput(bundle: ActivationBundle, tokens: Int32Array, index: number, [s, e]: [number, number]): UnitInput {
  const d = bundle.dIn, x = new Float32Array((e - s) * d);
  for (let t = s; t < e; t++) x.set(bundle.activations.subarray(tokens[t]! * d, tokens[t]! * d + d), (t - s) * d);
  return { index, x, tokens: tokens.slice(s, e) };
}

function inlineRunner(job: EncoderJob): UnitRunner {
  const enc = new UnitEncoder(job);
  return { run: async (u) => enc.process(u), close: () => {} };
}

export async function rescoreCpuFast(sae: CanonicalSae, bundle: ActivationBundle, opts: FastCpuOptions = {}): Promise<RescoreResult> {
  if (!wasmSimdSupported()) {
    const r = await rescoreCpu(sae, bundle, opts);
    r.engineLabel = 'cpu: scalar TypeScript, 1 thread (WebAssembly SIMD unavailable)';
    r.notes.push('WebAssembly SIMD is not available here, so the scalar TypeScript engine ran');
    return r;
  }
  checkBundleMatchesSae(bundle, sae);
  checkBundleShape(bundle);
  const { signal, onProgress } = opts;
  const yieldNow = makeYielder(signal);
  checkAbort(signal);
  const tokens = unmaskedTokens(bundle);
  const N = tokens.length;
  if (N === 0) fail('BAD_BUNDLE', 'activation bundle: every token is masked');
  const stats = batchStats(bundle);
  const job: EncoderJob = { sae, ctx: bundle.ctx, batchSizePrompts: bundle.batchSizePrompts, batchMean: stats.mean, tileTokens: opts.tileTokens ?? 128 };
  const units = splitUnits(tokens, bundle.ctx, Math.max(1, opts.unitTokens ?? 512));
  const threads = Math.max(1, Math.min(opts.threads ?? 2, units.length));
  const useWorkers = opts.spawnWorker !== undefined && threads > 1;
  onProgress?.({ tokensDone: 0, tokensTotal: N, phase: 'encode' });
  let done = 0;
  const outs = await runUnits(units.map((u, i) => () => unitInput(bundle, tokens, i, u)), {
    runners: useWorkers ? threads : 1,
    job,
    spawn: useWorkers ? opts.spawnWorker : undefined,
    inline: inlineRunner,
    signal,
    onUnit: async (out: UnitOutput) => {
      done += out.scalars.length / TOKEN_SCALARS;
      onProgress?.({ tokensDone: done, tokensTotal: N, phase: 'encode' });
      if (!useWorkers) await yieldNow();
    },
  });
  const pass = aggregate(sae, bundle, tokens, stats, outs);
  const label = useWorkers ? `cpu: WebAssembly SIMD, ${threads} workers` : 'cpu: WebAssembly SIMD, 1 thread';
  const notes = [`CPU path: ${label.slice(5)} (f32 GEMM and decode, f64 metrics)`];
  const result = await finishCpuResult(sae, bundle, pass, () => transposeWEnc(sae), notes, opts, yieldNow, packedGemmABt);
  result.engineLabel = label;
  return result;
}

function aggregate(sae: CanonicalSae, bundle: ActivationBundle, tokens: Int32Array, stats: ReturnType<typeof batchStats>, outs: UnitOutput[]) {
  const F = sae.dSae;
  const acc = new ReconstructionAccumulator(sae.dIn, stats);
  const fired = new Float64Array(F), firedSeq = new Float64Array(F);
  let t = 0;
  for (const out of outs) {
    const s = out.scalars;
    for (let o = 0; o < s.length; o += TOKEN_SCALARS, t++) {
      const batch = batchOfSeq(Math.floor(tokens[t]! / bundle.ctx), bundle.batchSizePrompts);
      acc.addScalars(batch, s[o]!, s[o + 1]!, s[o + 2]!, s[o + 3]!, s[o + 4]!, s[o + 5]!, s[o + 6]!);
    }
    for (let i = 0; i < F; i++) { fired[i]! += out.fired[i]!; firedSeq[i]! += out.firedSeq[i]!; }
  }
  return { acc, fired, firedSeq, tokens: tokens.length };
}
