// Re-score an SAE on an activation bundle from the command line.
//   npm run rescore -- --sae <folder> --acts <bundle.safetensors> [--engine cpu|cpu-scalar|gpu] [--json] [--no-fold]
// cpu = WebAssembly SIMD on 2 worker threads (falls back by itself); cpu-scalar = the plain TypeScript engine.
import { terminalSafe } from './terminalSafe.ts';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBundle } from '../src/rescore/bundle.ts';
import { rescoreCpu } from '../src/rescore/cpuEngine.ts';
import { rescoreCpuFast } from '../src/rescore/fastCpuEngine.ts';
import { spawnNodeComputeWorker } from '../src/rescore/parallel/nodeWorkers.ts';
import { loadSaeFromFiles } from '../src/rescore/loadSae.ts';
import type { ActivationBundle, CanonicalSae, RescoreOptions, RescoreResult } from '../src/rescore/types.ts';

type GpuModule = { rescoreGpu: (device: GPUDevice, sae: CanonicalSae, b: ActivationBundle, o?: RescoreOptions) => Promise<RescoreResult> };
type NodeDeviceModule = { createNodeGpuDevice: () => Promise<GPUDevice | null> };

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function usage(msg: string): never {
  console.error(`${terminalSafe(msg)}\nusage: npm run rescore -- --sae <folder> --acts <bundle.safetensors> [--engine cpu|cpu-scalar|gpu] [--json] [--no-fold]`);
  process.exit(2);
}

async function runGpu(sae: CanonicalSae, bundle: ActivationBundle): Promise<RescoreResult> {
  const here = dirname(fileURLToPath(import.meta.url));
  const enginePath = join(here, '..', 'src', 'gpu', 'gpuEngine.ts');
  const devicePath = join(here, '..', 'src', 'gpu', 'nodeDevice.ts');
  if (!existsSync(enginePath) || !existsSync(devicePath)) throw new Error('GPU engine not available: src/gpu/gpuEngine.ts or src/gpu/nodeDevice.ts is missing');
  const gpu = (await import(enginePath)) as GpuModule;
  const dev = (await import(devicePath)) as NodeDeviceModule;
  const device = await dev.createNodeGpuDevice();
  if (!device) throw new Error('GPU engine not available: no WebGPU adapter (set VK_ICD_FILENAMES, see docs/DESIGN.md §4)');
  try {
    return await gpu.rescoreGpu(device, sae, bundle);
  } finally {
    device.destroy();
  }
}

const ORDER = [
  'l0', 'l1', 'mse', 'mse_corrected', 'explained_variance_legacy', 'explained_variance', 'explained_variance_corrected',
  'explained_variance_synth', 'cossim', 'l2_norm_in', 'l2_norm_out', 'l2_ratio', 'relative_reconstruction_bias',
  'frac_alive', 'dead_latents', 'dense_latents', 'freq_over_1_percent', 'freq_over_10_percent',
  'normalized_freq_over_1_percent', 'normalized_freq_over_10_percent', 'average_max_encoder_cosine_sim',
  'average_max_decoder_cosine_sim', 'mean_encoder_norm', 'total_tokens_eval_sparsity_variance', 'unmasked_tokens',
];

async function main(): Promise<void> {
  const saeDir = arg('sae') ?? usage('missing --sae');
  const actsPath = arg('acts') ?? usage('missing --acts');
  const engine = arg('engine') ?? 'cpu';
  if (engine !== 'cpu' && engine !== 'cpu-scalar' && engine !== 'gpu') usage(`unknown engine ${engine}`);
  const files = new Map<string, Uint8Array>();
  for (const f of readdirSync(saeDir)) {
    const p = join(saeDir, f);
    if (statSync(p).isFile()) files.set(f, new Uint8Array(readFileSync(p)));
  }
  const sae = loadSaeFromFiles(files, { name: saeDir, fold: !process.argv.includes('--no-fold') });
  const bundle = parseBundle(new Uint8Array(readFileSync(actsPath)), actsPath);
  const t0 = performance.now();
  const r = engine === 'gpu' ? await runGpu(sae, bundle)
    : engine === 'cpu-scalar' ? await rescoreCpu(sae, bundle)
    : await rescoreCpuFast(sae, bundle, { spawnWorker: spawnNodeComputeWorker });
  const seconds = (performance.now() - t0) / 1000;
  if (process.argv.includes('--json')) {
    const perLatent = Object.fromEntries(Object.entries(r.perLatent).map(([k, v]) => [k, v ? Array.from(v as Float64Array, (x) => (Number.isNaN(x) ? null : x)) : v]));
    console.log(JSON.stringify({ engine: r.engine, engineLabel: r.engineLabel, sae: saeDir, acts: actsPath, tokens: r.tokens, seconds, architecture: sae.architecture, metrics: r.metrics, notes: [...sae.description.notes, ...r.notes], perLatent }, null, 1));
    return;
  }
  say(`SAE ${saeDir} (${sae.description.format}, ${sae.architecture}, d_in=${sae.dIn}, d_sae=${sae.dSae})`);
  say(`bundle ${actsPath}: ${bundle.nSeq} x ${bundle.ctx} tokens, ${r.tokens} unmasked, batch_size_prompts=${bundle.batchSizePrompts}`);
  say(`engine ${r.engineLabel ?? r.engine}, ${seconds.toFixed(2)} s\n`);
  const keys = [...ORDER.filter((k) => k in r.metrics), ...Object.keys(r.metrics).filter((k) => !ORDER.includes(k))];
  const w = Math.max(...keys.map((k) => k.length));
  for (const k of keys) {
    const v = r.metrics[k]!;
    say(`  ${k.padEnd(w)}  ${Number.isInteger(v) ? String(v) : v.toPrecision(6)}`);
  }
  const notes = [...sae.description.notes, ...r.notes];
  if (notes.length) say(`\nnotes:\n${notes.map((n) => `  - ${n}`).join('\n')}`);
}

const say = (s: string) => console.log(terminalSafe(s));

main().catch((e: unknown) => {
  console.error(terminalSafe(e instanceof Error ? e.message : String(e)));
  process.exit(1);
});
