// Generates the SYNTHETIC demo SAEs into public/demo-saes/<name>/ (SAELens cfg.json + sae_weights.safetensors,
// acts.safetensors activation bundle with true codes, ground_truth.json) and public/demo-saes/index.json.
// Deterministic: `npm exec tsx scripts/make-demo-saes.ts` twice gives identical bytes.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemo, DEMO_BATCH_PROMPTS, DEMO_CTX, DEMO_SEQ, DEMO_SPECS, demoModel } from '../src/rescore/synthetic/demo.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'demo-saes');
const only = process.argv.slice(2);
const { model, sample } = demoModel();
const entries: Record<string, unknown>[] = [];
let total = 0;
for (const [i, spec] of DEMO_SPECS.entries()) {
  if (only.length && !only.includes(spec.name)) continue;
  const t0 = performance.now();
  const out = await buildDemo(spec, model, sample, 1 + i);
  const dir = join(root, out.name);
  rmSync(dir, { recursive: true, force: true });
  const names: string[] = [];
  for (const [name, content] of Object.entries(out.files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
    total += typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
    names.push(name);
  }
  const gtText = JSON.stringify(out.groundTruth, null, 1);
  writeFileSync(join(dir, 'ground_truth.json'), gtText);
  total += gtText.length;
  const gt = out.groundTruth;
  entries.push({
    name: out.name, label: 'synthetic', synthetic: true, path: `demo-saes/${out.name}/`, description: gt.description,
    format: 'saelens', files: [...names, 'ground_truth.json'], bundle: 'acts.safetensors', d_in: model.cfg.d, d_sae: spec.train?.dSae ?? model.cfg.G,
    ground_truth: { mcc: gt.mcc, uniqueness: gt.uniqueness, mean_f1: gt.mean_f1, l0: gt.l0, true_l0: gt.true_l0, explained_variance_synth: gt.explained_variance_synth },
  });
  console.log(`${out.name}: MCC ${gt.mcc}, uniqueness ${gt.uniqueness}, F1 ${gt.mean_f1}, L0 ${gt.l0} (true ${gt.true_l0}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
if (!only.length) {
  const index = {
    synthetic: true,
    note: 'SYNTHETIC demo SAEs trained on SynthSAEBench-lite data (docs/rescoring-spec.md §5.3); not real language-model SAEs.',
    generator: model.cfg,
    bundle: { n_seq: DEMO_SEQ, ctx: DEMO_CTX, batch_size_prompts: DEMO_BATCH_PROMPTS, masked: 'position 0 of each sequence' },
    saes: entries,
  };
  const text = JSON.stringify(index, null, 2);
  writeFileSync(join(root, 'index.json'), text);
  total += text.length;
  console.log(`total ${(total / 1024).toFixed(0)} KiB`);
}
