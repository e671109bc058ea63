// Pairs published records with the dataset's SAEs inside each sweep (model, layer, architecture, width) by
// the rank of their L0, never by trainer number: sources number some sweeps' trainers differently (e.g. the
// Gemma BatchTopK 4k and 16k trainers). Every pair is checked against the SAE's reproduced core values.

export interface Sweep {
  model: string;
  layer: number;
  architecture: string;
  dictSize: number;
}

export interface RankedItem {
  /** Record label (e.g. a Neuronpedia sourceId) or the dataset's sae_id. */
  id: string;
  sweep: Sweep;
  l0: number;
  ceLossScore: number | null;
}

export interface MappingTolerance {
  /** Largest |Δ ce_loss_score| accepted. */
  ceLossScore: number;
  /** Largest |Δ L0| / L0 of the SAE accepted. */
  l0Relative: number;
}

export interface Mapped {
  recordId: string;
  saeId: string;
  dCeLossScore: number | null;
  l0Relative: number;
}

export class MappingError extends Error {}

export const sweepName = (s: Sweep): string => `${s.model} L${s.layer} ${s.architecture} ${s.dictSize}`;

function bySweep(items: readonly RankedItem[]): Map<string, RankedItem[]> {
  const out = new Map<string, RankedItem[]>();
  for (const it of items) {
    const key = sweepName(it.sweep);
    out.set(key, [...(out.get(key) ?? []), it]);
  }
  for (const list of out.values()) list.sort((a, b) => a.l0 - b.l0);
  return out;
}

/** One pair per record; throws a MappingError naming every record that cannot be mapped within tolerance. */
export function mapByL0Rank(records: readonly RankedItem[], saes: readonly RankedItem[], tol: MappingTolerance): Mapped[] {
  const problems: string[] = [];
  const out: Mapped[] = [];
  const targets = bySweep(saes);
  for (const [sweep, recs] of bySweep(records)) {
    const candidates = targets.get(sweep) ?? [];
    if (candidates.length !== recs.length) {
      problems.push(`${sweep}: ${recs.length} records but ${candidates.length} SAEs in the dataset (${recs.map((r) => r.id).join(', ')})`);
      continue;
    }
    recs.forEach((r, i) => {
      const sae = candidates[i]!;
      const l0Relative = Math.abs(r.l0 - sae.l0) / sae.l0;
      const dCe = r.ceLossScore !== null && sae.ceLossScore !== null ? Math.abs(r.ceLossScore - sae.ceLossScore) : null;
      if (!(l0Relative <= tol.l0Relative) || (dCe !== null && !(dCe <= tol.ceLossScore))) {
        problems.push(`${r.id} -> ${sae.id}: L0 ${r.l0} vs ${sae.l0} (${(100 * l0Relative).toFixed(1)} %), Δ loss recovered ${dCe ?? 'n/a'}`);
        return;
      }
      out.push({ recordId: r.id, saeId: sae.id, dCeLossScore: dCe, l0Relative });
    });
  }
  if (problems.length) throw new MappingError(`could not map ${problems.length} record group(s):\n  ${problems.join('\n  ')}`);
  return out;
}
