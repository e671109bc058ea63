// The two sources of published 0125 values that data/saebench/saebench_metrics.csv does not hold (see
// docs/shipped-data.md §12): I, Neuronpedia's SAEBench export of the 126 Gemma-2-2B layer-12 SAEs, and J, a
// notebook table of 12 BatchTopK 65k SAEs rounded to 4 decimals. Each becomes a list of records to map onto the
// dataset's SAEs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNeuronpediaExport } from '../../src/ingest/neuronpediaExport.ts';
import type { RankedItem } from './mapByL0Rank.ts';
import { notebookTable } from './notebookTable.ts';

export interface PublishedValue {
  evalType: string;
  category: string;
  metric: string;
  /** As written in the source (SAEBench's -1 "not computed" sentinel included). */
  value: number;
}

export interface PublishedRecord extends RankedItem {
  values: PublishedValue[];
  note: string;
}

export interface PublishedSource {
  provenance: string;
  repo: string;
  ref: string;
  path: string;
  records: PublishedRecord[];
}

export const localPath = (s: Pick<PublishedSource, 'repo' | 'ref' | 'path'>): string =>
  `sources/${s.repo.replace('/', '__')}/${s.ref}/${s.path}`;

const valueOf = (values: readonly PublishedValue[], category: string, metric: string): number | null =>
  values.find((v) => v.category === category && v.metric === metric)?.value ?? null;

function ranked(id: string, sweep: RankedItem['sweep'], values: PublishedValue[], note: string): PublishedRecord {
  const l0 = valueOf(values, 'sparsity', 'l0');
  if (l0 === null) throw new Error(`${id}: no L0, so it cannot be placed in its sweep`);
  return { id, sweep, l0, ceLossScore: valueOf(values, 'model_performance_preservation', 'ce_loss_score'), values, note };
}

/** Source I: every record must be a 0125-suite SAE with model, layer, class and width. */
export function readSourceI(dataDir: string): PublishedSource {
  const source = { provenance: 'published_0125_np', repo: 'LeStoe11/SAEBench', ref: '63318de27ce4cfd1209aa8a5315895e7ea3a9e83', path: 'saebench_results.json' };
  const parsed = parseNeuronpediaExport(readFileSync(join(dataDir, localPath(source)), 'utf8'));
  if (parsed.rejected.length) throw new Error(`source I: rejected records: ${parsed.rejected.map((r) => `#${r.index} ${r.reason}`).join('; ')}`);
  const records = parsed.records.map((r) => {
    if (r.release !== 'sae_bench_0125' || !r.modelId || r.layer === null || !r.architecture || r.dSae === null) {
      throw new Error(`source I: record ${r.sourceId} is not a fully identified sae_bench_0125 SAE`);
    }
    const values = r.metrics.map((m) => ({ evalType: m.evalType, category: m.category, metric: m.metric, value: m.raw }));
    const sweep = { model: r.modelId, layer: r.layer, architecture: r.architecture, dictSize: r.dSae };
    return ranked(r.sourceId, sweep, values, `Neuronpedia SAEBench export, sourceId ${r.sourceId}`);
  });
  return { ...source, records };
}

// Source J's column names, as defined in the notebook's METRIC_REGISTRY (cell 1).
const J_COLUMNS: Record<string, [string, string, string]> = {
  L0: ['core', 'sparsity', 'l0'],
  CE_loss_score: ['core', 'model_performance_preservation', 'ce_loss_score'],
  KL_div_score: ['core', 'model_behavior_preservation', 'kl_div_score'],
  explained_var: ['core', 'reconstruction_quality', 'explained_variance'],
  frac_alive: ['core', 'misc_metrics', 'frac_alive'],
  probe_top1_acc: ['sparse_probing', 'sae', 'sae_top_1_test_accuracy'],
  probe_top5_acc: ['sparse_probing', 'sae', 'sae_top_5_test_accuracy'],
  probe_full_acc: ['sparse_probing', 'sae', 'sae_test_accuracy'],
  llm_top1_acc: ['sparse_probing', 'llm', 'llm_top_1_test_accuracy'],
};
// The notebook's MODELS (cell 2): its short names, with the width it loads (2^16) and BatchTopK trainers 0..5.
const J_MODELS: Record<string, { model: string; layer: number }> = {
  gemma: { model: 'gemma-2-2b', layer: 12 },
  pythia: { model: 'pythia-160m-deduped', layer: 8 },
};

/** Source J: the table printed by cell 3 of the notebook; only the "authors" rows are published values. */
export function readSourceJ(dataDir: string): PublishedSource {
  const source = { provenance: 'published_0125_rounded', repo: 'smerrill-amd/efficient_sae', ref: 'cbb8b81af0726847014e8d9182a726f1619c99ea', path: 'notebooks/ksweep_frontier.ipynb' };
  const table = notebookTable(readFileSync(join(dataDir, localPath(source)), 'utf8'), 3);
  const col = (name: string) => {
    const i = table.columns.indexOf(name);
    if (i < 0) throw new Error(`source J: no column ${name}`);
    return i;
  };
  const records = table.rows.filter((r) => r[col('series')] === 'authors').map((r) => {
    const short = r[col('model')] ?? '';
    const model = J_MODELS[short];
    if (!model) throw new Error(`source J: unknown model ${JSON.stringify(short)}`);
    const values = Object.entries(J_COLUMNS).map(([name, [evalType, category, metric]]) => {
      const value = Number(r[col(name)]);
      if (!Number.isFinite(value)) throw new Error(`source J: ${short} ${r[col('point')]} ${name} is not a number`);
      return { evalType, category, metric, value };
    });
    const id = `${short} ${r[col('point')]}`;
    return ranked(id, { ...model, architecture: 'batch_topk', dictSize: 65536 }, values,
      `ksweep_frontier.ipynb cell 3, ${id} (published 0125 BatchTopK 65k, rounded to 4 decimals by the notebook)`);
  });
  return { ...source, records };
}
