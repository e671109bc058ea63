// Baseline rows (PCA) drawn as labelled reference markers at their own coordinates. A PCA "SAE" keeps d_model
// components, so with L0 on X it sits at L0 = d_model (dense), not as a line across every sparsity.
import { axisById } from '../catalog/metrics.ts';
import { num, str, type Frame } from '../data/frame.ts';
import { escapeHtml, formatValue } from './encodings.ts';
import type { PlotTrace } from './plotTypes.ts';

export interface BaselineOverlay {
  traces: PlotTrace[];
  /** Labels of the baselines drawn, for captions. */
  drawn: string[];
  /** Baselines of the models and layers in view that have no value to draw. */
  missing: string[];
}

export const EMPTY_OVERLAY: BaselineOverlay = { traces: [], drawn: [], missing: [] };

export const BASELINE_EXPLAINER = 'PCA baseline: the top principal components of the activations as a dense "SAE" with d_model latents (L0 = d_model)';

export function baselineLabels(f: Frame): string[] {
  const model = str(f, 'model');
  const layer = num(f, 'layer');
  return Array.from({ length: f.length }, (_, i) => `PCA baseline, ${model[i] ?? '?'} L${layer[i]}`);
}

export interface OverlayOptions {
  xaxis?: string;
  yaxis?: string;
  /** Maps a baseline row to the plotted Y value (the grid flips absorption). */
  yValue?: (v: number) => number;
  showLegend?: boolean;
}

export function baselineOverlay(baselines: Frame, xId: string, yId: string, o: OverlayOptions = {}): BaselineOverlay {
  const xs = num(baselines, xId);
  const ys = num(baselines, yId);
  const labels = baselineLabels(baselines);
  const points: { x: number; y: number; label: string }[] = [];
  const missing: string[] = [];
  for (let i = 0; i < baselines.length; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    if (Number.isNaN(x) || Number.isNaN(y)) missing.push(labels[i]!);
    else points.push({ x, y: o.yValue ? o.yValue(y) : y, label: labels[i]! });
  }
  if (!points.length) return { traces: [], drawn: [], missing };
  const xLabel = axisById(xId)?.label ?? xId;
  const yLabel = axisById(yId)?.label ?? yId;
  return {
    traces: [{
      type: 'scatter', mode: 'markers+text', name: 'PCA baseline', xaxis: o.xaxis ?? 'x', yaxis: o.yaxis ?? 'y',
      x: points.map((p) => p.x), y: points.map((p) => p.y),
      text: points.map(() => 'PCA'), textposition: 'top center', textfont: { size: 10, color: '#555555' },
      hovertext: points.map((p) => `<b>${escapeHtml(p.label)}</b><br>dense reconstruction, L0 = d_model<br>${escapeHtml(xLabel)}: ${escapeHtml(formatValue(p.x))}<br>${escapeHtml(yLabel)}: ${escapeHtml(formatValue(p.y))}`),
      hovertemplate: '%{hovertext}<extra></extra>',
      marker: { symbol: 'x-thin-open', size: 12, color: '#555555', line: { width: 2 } },
      showlegend: o.showLegend ?? true,
    }],
    drawn: points.map((p) => p.label),
    missing,
  };
}
