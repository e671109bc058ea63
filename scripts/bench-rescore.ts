// Re-scoring throughput: the CPU engines (and optionally the GPU engine with --gpu) against numpy's encode matmul.
//   npm run bench:rescore -- [--runs 3] [--gpu] [--small] [--no-scalar]
// GFLOP/s counts the encode GEMM only (2·N·d·F). Engine rows time the whole re-score without weight metrics (worker
// start-up, weight packing, normalise, GEMM, epilogue, decode, f64 metrics); the "kernel only" row times the wasm
// GEMM alone on one thread, so both ways of counting are shown. --no-scalar skips the slow scalar TypeScript engine.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { rescoreCpu } from '../src/rescore/cpuEngine.ts';
import { rescoreCpuFast } from '../src/rescore/fastCpuEngine.ts';
import { spawnNodeComputeWorker } from '../src/rescore/parallel/nodeWorkers.ts';
import { COL_PANEL, instantiateKernels, packColumnPanels, packRow, ROW_PANEL, roundUp, WasmArena } from '../src/rescore/wasm/wasmKernels.ts';
import { Rng } from '../src/rescore/synthetic/prng.ts';
import type { ActivationBundle, CanonicalSae, RescoreOptions, RescoreResult } from '../src/rescore/types.ts';

type GpuModule = { rescoreGpu: (device: GPUDevice, sae: CanonicalSae, b: ActivationBundle, o?: RescoreOptions) => Promise<RescoreResult> };
type NodeDeviceModule = { createNodeGpuDevice: () => Promise<GPUDevice | null> };

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 3;
const SHAPES: [number, number, number][] = process.argv.includes('--small') ? [[128, 1024, 1024]] : [[512, 4096, 4096], [768, 16384, 4096]];

function randn(rng: Rng, n: number, s: number): Float32Array {
  return Float32Array.from({ length: n }, () => rng.normal() * s);
}

function makeCase(d: number, F: number, N: number): { sae: CanonicalSae; bundle: ActivationBundle } {
  const rng = new Rng(1234);
  const sae: CanonicalSae = {
    architecture: 'standard', dIn: d, dSae: F, wEnc: randn(rng, d * F, 1 / Math.sqrt(d)), wDec: randn(rng, F * d, 1 / Math.sqrt(d)),
    bDec: new Float32Array(d), bEnc: new Float32Array(F).fill(-1.5), applyBDecToInput: true, normalization: { kind: 'none' },
    description: { format: 'bench', name: 'random', notes: [] },
  };
  const ctx = 128;
  const bundle: ActivationBundle = {
    nSeq: N / ctx, ctx, dIn: d, activations: randn(rng, N * d, 1), tokenMask: new Uint8Array(N).fill(1),
    batchSizePrompts: 16, metadata: {},
  };
  return { sae, bundle };
}

/** The wasm GEMM alone on one thread: N/T token tiles of T rows against packed W_enc [d, F]. */
function gemmKernelGflops(wEnc: Float32Array, d: number, F: number, N: number, T: number): number {
  const k = instantiateKernels(), arena = new WasmArena(k), ldc = roundUp(F, COL_PANEL), rp = roundUp(T, ROW_PANEL);
  const at = { a: arena.reserve(rp * d), b: arena.reserve(ldc * d), c: arena.reserve(rp * ldc) };
  arena.commit();
  packColumnPanels(wEnc, d, F, F, arena.f32(at.b, ldc * d));
  const rng = new Rng(7), x = randn(rng, T * d, 1), a = arena.f32(at.a, rp * d);
  for (let r = 0; r < T; r++) packRow(x, r * d, d, r, a);
  const t0 = performance.now();
  for (let t = 0; t < N; t += T) k.gemm(at.a, at.b, at.c, rp / ROW_PANEL, ldc / COL_PANEL, d, ldc);
  return (2 * N * d * F) / ((performance.now() - t0) / 1000) / 1e9;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const num = (x: number) => x.toFixed(x >= 100 ? 0 : 2);
const fmt = (v: number[]) => `${num(median(v))} (${num(Math.min(...v))}–${num(Math.max(...v))})`;

function numpyGflops(d: number, F: number, N: number): number[] {
  const py = `
import numpy as np, time
rng = np.random.default_rng(0)
x = rng.standard_normal((${N}, ${d}), dtype=np.float32); w = rng.standard_normal((${d}, ${F}), dtype=np.float32)
x @ w
out = []
for _ in range(${RUNS}):
    t = time.perf_counter(); x @ w; out.append(2*${N}*${d}*${F}/(time.perf_counter()-t)/1e9)
print(" ".join(str(v) for v in out))`;
  try {
    return execFileSync('python3', ['-c', py], { encoding: 'utf8' }).trim().split(' ').map(Number);
  } catch {
    return [];
  }
}

async function gpuRunner(): Promise<((sae: CanonicalSae, b: ActivationBundle) => Promise<unknown>) | null> {
  if (!process.argv.includes('--gpu')) return null;
  const here = dirname(fileURLToPath(import.meta.url));
  const e = join(here, '..', 'src', 'gpu', 'gpuEngine.ts'), n = join(here, '..', 'src', 'gpu', 'nodeDevice.ts');
  if (!existsSync(e) || !existsSync(n)) { console.error('GPU engine not available'); return null; }
  const device = await ((await import(n)) as NodeDeviceModule).createNodeGpuDevice();
  if (!device) { console.error('GPU engine not available: no adapter'); return null; }
  const gpu = (await import(e)) as GpuModule;
  return (sae, b) => gpu.rescoreGpu(device, sae, b, { skipWeightMetrics: true });
}

const loadBefore = loadavg().map((v) => v.toFixed(2)).join(' ');
const rows: string[] = [];
const gpu = await gpuRunner();
for (const [d, F, N] of SHAPES) {
  const { sae, bundle } = makeCase(d, F, N);
  const flop = 2 * N * d * F;
  const engines: [string, (s: CanonicalSae, b: ActivationBundle) => Promise<unknown>][] = [
    ['cpu (wasm SIMD, 2 workers)', (s, b) => rescoreCpuFast(s, b, { skipWeightMetrics: true, spawnWorker: spawnNodeComputeWorker, threads: 2 })],
    ['cpu (wasm SIMD, 1 thread)', (s, b) => rescoreCpuFast(s, b, { skipWeightMetrics: true })],
  ];
  if (!process.argv.includes('--no-scalar')) engines.push(['cpu (scalar TS, 1 thread; old engine)', (s, b) => rescoreCpu(s, b, { skipWeightMetrics: true })]);
  if (gpu) engines.push(['gpu (WebGPU, Dawn)', gpu]);
  for (const [name, run] of engines) {
    const secs: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      await run(sae, bundle);
      secs.push((performance.now() - t0) / 1000);
      console.error(`${name} ${d}x${F}x${N}: ${secs.at(-1)!.toFixed(2)} s`);
    }
    rows.push(`| ${name} | ${d} | ${F} | ${N} | ${fmt(secs)} | ${fmt(secs.map((s) => N / s))} | ${fmt(secs.map((s) => flop / s / 1e9))} |`);
  }
  const kernel = Array.from({ length: RUNS }, () => gemmKernelGflops(sae.wEnc, d, F, N, 128));
  rows.push(`| wasm SIMD GEMM kernel only, 1 thread | ${d} | ${F} | ${N} | ${fmt(kernel.map((g) => flop / g / 1e9))} | ${fmt(kernel.map((g) => N / (flop / g / 1e9)))} | ${fmt(kernel)} |`);
  const np = numpyGflops(d, F, N);
  if (np.length) rows.push(`| numpy matmul only (float32, BLAS) | ${d} | ${F} | ${N} | ${fmt(np.map((g) => flop / g / 1e9))} | ${fmt(np.map((g) => N / (flop / g / 1e9)))} | ${fmt(np)} |`);
}
console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; ${RUNS} runs, median (min–max); load average before: ${loadBefore}, after: ${loadavg().map((v) => v.toFixed(2)).join(' ')}.\n`);
console.log('| engine | d | F | N | seconds | tokens/s | encode GFLOP/s |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
