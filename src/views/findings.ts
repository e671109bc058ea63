// "What the data shows": one measured sentence per view, computed from the same model the view draws, so a
// preset's claim is always the data's, never copied from the paper.
import { architectureLabel } from '../catalog/architectures.ts';
import { metricById, orientedValue } from '../catalog/metrics.ts';
import type { Frame } from '../data/frame.ts';
import type { ViewState } from '../state/viewState.ts';
import type { AgreementView } from './agreementSpec.ts';
import { categoryLabel, formatValue } from './encodings.ts';
import { GRID_PANELS } from './gridSpec.ts';
import { l0MatchedTable, type L0MatchedTable } from './l0MatchedSpec.ts';
import type { ScalingSpec } from './scalingSpec.ts';

/** The group the paper's claims are about; findings say where it ranks. */
export const FOCUS_GROUP = 'matryoshka_batch_topk';

const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

function groupLabel(column: string, key: string): string {
  return column === 'architecture' ? architectureLabel(key) : categoryLabel(column, column === 'dict_size' || column === 'layer' ? Number(key) : key);
}

export function scalingFinding(spec: ScalingSpec, s: ViewState): string | null {
  const def = metricById(s.y);
  if (!def || def.direction === 'control' || !spec.result.points.length) return null;
  const parts: string[] = [];
  const curves = [...new Set(spec.result.points.map((p) => p.curve))];
  for (const curve of curves) {
    const xs = [...new Set(spec.result.points.filter((p) => p.curve === curve).map((p) => p.x))].sort((a, b) => a - b);
    for (const x of xs) {
      const at = spec.result.points.filter((p) => p.curve === curve && p.x === x).sort((a, b) => orientedValue(def, b.mean) - orientedValue(def, a.mean));
      const best = at[0]!;
      const focus = at.findIndex((p) => p.group === FOCUS_GROUP);
      const focusText = focus > 0 ? `; ${groupLabel(spec.groupColumn, FOCUS_GROUP)} ${ordinal(focus + 1)} (${formatValue(at[focus]!.mean)})` : '';
      parts.push(`${curves.length > 1 ? `${curve} ` : ''}${categoryLabel(s.scale, x)}: ${groupLabel(spec.groupColumn, best.group)} ${formatValue(best.mean)} (n=${best.n}) of ${at.length}${focusText}`);
    }
  }
  return `Best mean ${def.label} per ${s.scale === 'dict_size' ? 'width' : s.scale === 'layer' ? 'layer' : 'training length'}: ${parts.join('; ')}.`;
}

export function matchedFinding(table: L0MatchedTable | null, y: string, at = 100): string | null {
  const def = metricById(y);
  const j = table?.targets.indexOf(at) ?? -1;
  if (!table || !def || j < 0) return null;
  const ranked = table.groups.filter((g) => g.cells[j]!.value !== null).sort((a, b) => orientedValue(def, b.cells[j]!.value!) - orientedValue(def, a.cells[j]!.value!));
  if (ranked.length < 2) return null;
  const list = ranked.map((g) => `${g.label} ${formatValue(g.cells[j]!.value)}`).join(', ');
  return `${def.label} at L0 = ${at}, interpolated per sweep, best first: ${list}${table.mixed[j] ? ' (groups average over different sweeps here: not a like-for-like ranking)' : ''}.`;
}

/** For each grid metric, the best group at L0 = 100 (per sweep, interpolated). */
export function gridFinding(rows: Frame, s: ViewState): string | null {
  const parts = GRID_PANELS.flatMap((p) => {
    const table = l0MatchedTable(rows, { ...s, x: 'l0', y: p.metric });
    const def = metricById(p.metric)!;
    const j = table?.targets.indexOf(100) ?? -1;
    if (!table || j < 0) return [];
    const ranked = table.groups.filter((g) => g.cells[j]!.value !== null).sort((a, b) => orientedValue(def, b.cells[j]!.value!) - orientedValue(def, a.cells[j]!.value!));
    if (ranked.length < 2 || table.mixed[j]) return [];
    const focus = ranked.findIndex((g) => g.key === FOCUS_GROUP);
    return [`${def.label}: ${ranked[0]!.label}${focus > 0 ? ` (${architectureLabel(FOCUS_GROUP)} ${ordinal(focus + 1)} of ${ranked.length})` : ''}`];
  });
  return parts.length ? `Best at L0 = 100 (interpolated per sweep): ${parts.join('; ')}.` : null;
}

const PROXIES = ['ce_loss_score', 'explained_variance'];

/** How the proxy metrics rank SAEs compared with each downstream metric. */
export function agreementFinding(v: AgreementView): string | null {
  const k = v.metrics.length;
  const parts = PROXIES.filter((p) => v.metrics.some((m) => m.id === p)).map((p) => {
    const i = v.metrics.findIndex((m) => m.id === p);
    const cells = v.metrics.map((m, j) => ({ m, c: v.cells[i * k + j]! })).filter(({ m }) => m.id !== 'l0' && !PROXIES.includes(m.id) && m.id !== p);
    const text = cells.map(({ m, c }) => `${m.label} ${c.rho === null ? '–' : c.rho.toFixed(2)}${c.ci ? ` [${c.ci[0].toFixed(2)}, ${c.ci[1].toFixed(2)}]` : ''} (n=${c.n})`);
    return `${metricById(p)!.label} vs ${text.join(', ')}`;
  });
  return parts.length ? `${v.method} ρ. ${parts.join('. ')}.` : null;
}
