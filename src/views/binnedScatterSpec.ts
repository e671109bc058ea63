// Frames -> scatter of a large dataset at a level of detail: one WebGL marker per occupied grid cell and
// group (binned in SQL over the visible range). A cell of one SAE is drawn and hovered exactly; zooming
// re-bins the new range, so detail appears where it is needed.
import { axisById } from '../catalog/metrics.ts';
import { num, str, type Frame } from '../data/frame.ts';
import { groupColumn, type ViewState } from '../state/viewState.ts';
import { baselineOverlay } from './baselines.ts';
import { categoryLabel, countOf, escapeHtml, formatValue } from './encodings.ts';
import { groupRows } from './groups.ts';
import type { Figure, PlotTrace } from './plotTypes.ts';
import { xyLayout } from './scatterSpec.ts';

export interface BinnedScatterSpec extends Figure {
  /** SAEs represented (the sum of the cells' counts). */
  plotted: number;
  cells: number;
  exactCells: number;
}

/** Groups of the bins frame (`g` holds the group value as text). */
function binGroups(bins: Frame, column: string) {
  const g = str(bins, 'g');
  const numeric = column === 'dict_size' || column === 'layer' || column === 'training_tokens';
  const keyed: Frame = { length: bins.length, columns: new Map([[column, numeric ? Float64Array.from(g, (v) => Number(v)) : g]]) };
  return groupRows(keyed, column, Array.from({ length: bins.length }, (_, i) => i));
}

export function binnedScatterSpec(bins: Frame, baselines: Frame, s: ViewState): BinnedScatterSpec {
  const xDef = axisById(s.x)!;
  const yDef = axisById(s.y)!;
  const n = num(bins, 'n');
  const x = num(bins, 'x');
  const y = num(bins, 'y');
  const ids = str(bins, 'sae_id');
  const column = groupColumn(s) === s.color ? groupColumn(s) : 'architecture';
  let plotted = 0;
  let exactCells = 0;
  const traces: PlotTrace[] = binGroups(bins, column).map((g) => {
    const text = g.rows.map((i) => {
      plotted += n[i]!;
      if (n[i] === 1) {
        exactCells++;
        return `<b>${escapeHtml(ids[i] ?? '')}</b><br>${escapeHtml(g.label)}<br>${escapeHtml(xDef.label)}: ${escapeHtml(formatValue(x[i]))}<br>${escapeHtml(yDef.label)}: ${escapeHtml(formatValue(y[i]))}`;
      }
      return `<b>${countOf(n[i]!)}</b> (${escapeHtml(g.label)}) in this cell, mean ${escapeHtml(formatValue(x[i]))}, ${escapeHtml(formatValue(y[i]))}<br>e.g. ${escapeHtml(ids[i] ?? '')}; zoom in to see them one by one`;
    });
    return {
      type: 'scattergl', mode: 'markers', name: escapeHtml(categoryLabel(column, g.key)), legendgroup: g.key,
      x: g.rows.map((i) => x[i]!), y: g.rows.map((i) => y[i]!), customdata: g.rows.map((i) => ids[i] ?? ''), text,
      hovertemplate: '%{text}<extra></extra>',
      marker: { symbol: g.symbol, color: g.color, size: 5, opacity: 0.8 },
    };
  });
  if (s.baselines) traces.push(...baselineOverlay(baselines, s.x, s.y).traces);
  return { traces, layout: xyLayout(s, xDef, yDef), plotted, cells: bins.length, exactCells };
}
