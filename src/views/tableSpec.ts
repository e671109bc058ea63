// Which columns the table shows and exports. Pure.
import { EVAL_PROVENANCE_COLUMNS, IDENTITY_COLUMNS, provenanceColumnOf } from '../catalog/columns.ts';
import { metricById } from '../catalog/metrics.ts';
import type { ViewState } from '../state/viewState.ts';

export function columnLabel(id: string): string {
  const metric = metricById(id);
  if (metric) return metric.label;
  const identity = IDENTITY_COLUMNS.find((c) => c.id === id);
  if (identity) return identity.label;
  if (EVAL_PROVENANCE_COLUMNS.includes(id)) return `${id.replace(/_provenance$/, '').replace(/_/g, ' ')} provenance`;
  const provOf = id.endsWith('_prov') ? metricById(id.slice(0, -5)) : undefined;
  if (provOf) return `${provOf.label}: provenance`;
  return id;
}

/** Visible table columns: identity basics, X, Y and Y's provenance, then the user's picks. */
export function visibleColumns(s: ViewState): string[] {
  const yProv = metricById(s.y) ? provenanceColumnOf(s.y) : null;
  const cols = ['sae_id', 'architecture', 'model', 'layer', 'dict_size', 'l0', s.x, s.y, yProv, ...s.cols];
  return [...new Set(cols.filter((c): c is string => !!c))];
}

/** A long SAE id cut at its start, not its end: the tail holds width, architecture and trainer. */
export function compactId(id: string, max = 34): string {
  return id.length <= max ? id : `…${id.slice(id.length - max + 1)}`;
}
