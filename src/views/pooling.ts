// "What this view pools": the sweeps behind a view, described by what varies among them.
import { pooling, type SweepColumn } from '../analysis/sweeps.ts';
import type { Frame } from '../data/frame.ts';
import { categoryLabel } from './encodings.ts';

const NOUNS: Record<SweepColumn, [string, string]> = {
  architecture: ['architecture', 'architectures'],
  model: ['model', 'models'],
  layer: ['layer', 'layers'],
  dict_size: ['width', 'widths'],
  release: ['release', 'releases'],
  training_tokens: ['training length', 'training lengths'],
};
const ORDER: SweepColumn[] = ['architecture', 'model', 'layer', 'dict_size', 'release', 'training_tokens'];

/** e.g. "7 sweeps: 7 architectures on gemma-2-2b L12 65k (sae_bench_0125)". */
export function poolingCaption(f: Frame, rows: Iterable<number>): string {
  const p = pooling(f, rows);
  if (p.sweeps === 0) return 'No SAEs.';
  const varying: string[] = [];
  const fixed: string[] = [];
  for (const c of ORDER) {
    const values = p.distinct[c];
    if (values.length > 1) varying.push(`${values.length} ${NOUNS[c][1]}`);
    else if (values.length === 1) {
      const v = values[0]!;
      if (c === 'architecture') fixed.push(categoryLabel(c, v));
      else if (c === 'layer') fixed.push(`L${v}`);
      else if (c === 'dict_size' || c === 'training_tokens') fixed.push(`${categoryLabel(c, Number(v))}${c === 'training_tokens' ? ' tokens' : ''}`);
      else fixed.push(v);
    }
  }
  const sweeps = `${p.sweeps} sweep${p.sweeps === 1 ? '' : 's'}`;
  const across = varying.length ? ` across ${varying.join(' × ')}` : '';
  return `${sweeps}${across}${fixed.length ? ` (${fixed.join(', ')})` : ''}.`;
}
