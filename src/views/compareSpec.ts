// Side by side: up to four SAEs (bundled or your own), every metric with its direction, each SAE's value and its
// rank within its own sweep (release, model, layer, width, architecture), so "how does mine compare?" is
// answered like for like. One of yours is ranked among the bundled sweeps of its model, layer, width and
// architecture, as if it were one of their trainers.
import { indexBy, sweepKeys, SWEEP_COLUMNS } from '../analysis/sweeps.ts';
import { METRICS, orientedValue, type MetricDef } from '../catalog/metrics.ts';
import { num, str, type Frame } from '../data/frame.ts';

export const MAX_COMPARED = 4;

export interface ComparedSae {
  id: string;
  label: string;
  /** SAEs it is ranked among (itself included). */
  sweepSize: number;
  mine: boolean;
}

export interface CompareRow {
  metric: MetricDef;
  cells: { value: number | null; rank: number | null; of: number; prov: string | null }[];
  /** Index of the best compared value, by the metric's direction (null for controls or fewer than two values). */
  best: number | null;
}

export interface CompareModel {
  saes: ComparedSae[];
  rows: CompareRow[];
  missing: string[];
}

export function compareColumns(): string[] {
  return ['sae_id', 'is_user', ...SWEEP_COLUMNS, ...METRICS.map((d) => d.id), ...METRICS.map((d) => `${d.id}_prov`)];
}

export function compareModel(f: Frame, ids: readonly string[]): CompareModel {
  const sae = str(f, 'sae_id');
  const user = num(f, 'is_user');
  const sweeps = sweepKeys(f);
  const contexts = sweepKeys(f, ['release', 'training_tokens']);
  const bySweep = indexBy(sweeps);
  const byContext = indexBy(contexts);
  const matesOf = (i: number) => (user[i] === 1 ? byContext.get(contexts[i]!)!.filter((j) => user[j] !== 1 || j === i) : bySweep.get(sweeps[i]!)!.filter((j) => user[j] !== 1));
  const present = ids.filter((id) => sae.includes(id));
  const rowOf = new Map(present.map((id) => [id, sae.indexOf(id)]));
  const arch = str(f, 'architecture');
  const model = str(f, 'model');
  const layer = num(f, 'layer');
  const width = num(f, 'dict_size');
  const saes = present.map((id) => {
    const i = rowOf.get(id)!;
    return { id, label: `${arch[i] ?? '?'} · ${model[i] ?? '?'} L${layer[i]} · ${width[i]}`, sweepSize: matesOf(i).length, mine: user[i] === 1 };
  });
  const rows = METRICS.map((metric) => {
    const col = num(f, metric.id);
    const prov = str(f, `${metric.id}_prov`);
    const cells = present.map((id) => {
      const i = rowOf.get(id)!;
      const v = col[i]!;
      const mates = matesOf(i).filter((j) => !Number.isNaN(col[j]!));
      if (Number.isNaN(v)) return { value: null, rank: null, of: mates.length, prov: null };
      const rank = metric.direction === 'control' ? null : 1 + mates.filter((j) => orientedValue(metric, col[j]!) > orientedValue(metric, v)).length;
      return { value: v, rank, of: mates.length, prov: prov[i] ?? null };
    });
    const valued = cells.map((c, k) => ({ c, k })).filter(({ c }) => c.value !== null);
    const best = metric.direction === 'control' || valued.length < 2 ? null
      : valued.reduce((b, x) => (orientedValue(metric, x.c.value!) > orientedValue(metric, b.c.value!) ? x : b)).k;
    return { metric, cells, best };
  }).filter((r) => r.cells.some((c) => c.value !== null));
  return { saes, rows, missing: ids.filter((id) => !rowOf.has(id)) };
}

export const COMPARE_EXPORT_COLUMNS = ['metric', 'direction', 'sae_id', 'value', 'rank_in_sweep', 'sweep_size', 'provenance'];

export function compareExportRows(m: CompareModel): Record<string, unknown>[] {
  return m.rows.flatMap((r) => r.cells.map((c, k) => ({
    metric: r.metric.id, direction: r.metric.direction, sae_id: m.saes[k]!.id, value: c.value, rank_in_sweep: c.rank, sweep_size: c.of, provenance: c.prov,
  })));
}
