// Baseline rows (PCA) drawn as references: a dashed horizontal line at the baseline's value when X is the
// L0 control (a PCA "SAE" has L0 = d_model, which says nothing about sparsity), a marker when X is a score.
import { axisById } from '../catalog/metrics.ts';
import { escapeHtml, formatValue } from './encodings.ts';
import { num, type SaeRow } from './groups.ts';
import type { PlotTrace } from './plotTypes.ts';

export interface BaselineOverlay {
  shapes: Record<string, unknown>[];
  annotations: Record<string, unknown>[];
  traces: PlotTrace[];
  /** Labels of the baselines drawn, for captions. */
  drawn: string[];
}

export const EMPTY_OVERLAY: BaselineOverlay = { shapes: [], annotations: [], traces: [], drawn: [] };

export function baselineLabel(r: SaeRow): string {
  return `PCA baseline, ${String(r.model)} L${String(r.layer)}`;
}

/** "PCA baseline, gemma-2-2b L5/L12/L19" for baselines that share a line. */
export function sharedLabel(rows: readonly SaeRow[]): string {
  const byModel = new Map<string, string[]>();
  for (const r of rows) byModel.set(String(r.model), [...(byModel.get(String(r.model)) ?? []), `L${String(r.layer)}`]);
  return `PCA baseline, ${[...byModel].map(([model, layers]) => `${model} ${layers.join('/')}`).join('; ')}`;
}

export interface OverlayOptions {
  /** Plotly axis ids, e.g. 'x' / 'y' or 'x3' / 'y3' in a grid. */
  xaxis?: string;
  yaxis?: string;
  /** Maps a row to the plotted Y value (the grid flips absorption). */
  yValue?: (r: SaeRow) => number | null;
  showLegend?: boolean;
}

export function baselineOverlay(baselines: readonly SaeRow[], xId: string | null, yId: string, o: OverlayOptions = {}): BaselineOverlay {
  const xaxis = o.xaxis ?? 'x';
  const yaxis = o.yaxis ?? 'y';
  const yValue = o.yValue ?? ((r: SaeRow) => num(r[yId]));
  const asLine = xId === null || axisById(xId)?.direction === 'control';
  const overlay: BaselineOverlay = { shapes: [], annotations: [], traces: [], drawn: [] };
  const markers: { x: number; y: number; label: string }[] = [];
  // Baselines with the same value (e.g. PCA's loss recovered of 1 on every layer) share one line and label.
  const lines = new Map<number, SaeRow[]>();
  for (const r of baselines) {
    const y = yValue(r);
    if (y === null) continue;
    const label = baselineLabel(r);
    if (asLine) lines.set(y, [...(lines.get(y) ?? []), r]);
    else {
      const x = xId === null ? null : num(r[xId]);
      if (x === null) continue;
      markers.push({ x, y, label });
    }
    overlay.drawn.push(label);
  }
  for (const [y, group] of lines) {
    overlay.shapes.push({
      type: 'line', xref: `${xaxis} domain`, x0: 0, x1: 1, yref: yaxis, y0: y, y1: y,
      line: { color: '#7F7F7F', width: 1.5, dash: 'dash' },
    });
    overlay.annotations.push({
      xref: `${xaxis} domain`, x: 1, xanchor: 'right', yref: yaxis, y, yanchor: 'bottom', showarrow: false,
      text: escapeHtml(`${sharedLabel(group)}: ${formatValue(y)}`), font: { size: 10, color: '#555555' },
    });
  }
  if (markers.length) {
    overlay.traces.push({
      type: 'scatter', mode: 'markers', name: 'PCA baseline', xaxis, yaxis,
      x: markers.map((m) => m.x), y: markers.map((m) => m.y),
      text: markers.map((m) => escapeHtml(m.label)), hovertemplate: '%{text}<br>%{x}, %{y}<extra></extra>',
      marker: { symbol: 'x-thin-open', size: 12, color: '#7F7F7F', line: { width: 2 } },
      showlegend: o.showLegend ?? true,
    });
  }
  return overlay;
}
