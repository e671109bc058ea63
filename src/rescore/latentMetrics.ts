// Density-based aggregates of calculate_misc_metrics (docs/rescoring-spec.md §1.3) and a log10-density histogram
// helper.

export function densityAggregates(density: Float64Array): Record<string, number> {
  const F = density.length;
  let alive = 0, over1 = 0, over10 = 0, sum = 0, sum1 = 0, sum10 = 0;
  for (let i = 0; i < F; i++) {
    const v = density[i]!;
    sum += v;
    if (v > 0) alive++;
    if (v > 0.01) { over1++; sum1 += v; }
    if (v > 0.1) { over10++; sum10 += v; }
  }
  return {
    frac_alive: alive / F,
    dead_latents: F - alive,
    dense_latents: over10,
    freq_over_1_percent: over1 / F,
    freq_over_10_percent: over10 / F,
    normalized_freq_over_1_percent: sum > 0 ? sum1 / sum : 0,
    normalized_freq_over_10_percent: sum > 0 ? sum10 / sum : 0,
  };
}

export interface DensityHistogram {
  /** Bin edges in log10 density, length bins+1. */
  edges: number[];
  counts: number[];
  /** Latents with density 0 (not representable on a log axis). */
  dead: number;
}

/** Histogram of log10(density) over alive latents, on [lo, hi] (default [-8, 0]) with `bins` equal bins. */
export function log10DensityHistogram(density: ArrayLike<number>, bins = 50, lo = -8, hi = 0): DensityHistogram {
  const edges = Array.from({ length: bins + 1 }, (_, i) => lo + ((hi - lo) * i) / bins);
  const counts = new Array<number>(bins).fill(0);
  let dead = 0;
  for (let i = 0; i < density.length; i++) {
    const v = density[i]!;
    if (!(v > 0)) { dead++; continue; }
    const b = Math.floor(((Math.log10(v) - lo) / (hi - lo)) * bins);
    const c = Math.min(bins - 1, Math.max(0, b));
    counts[c]!++;
  }
  return { edges, counts, dead };
}
