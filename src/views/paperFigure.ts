// A figure restyled for a paper: single column (3.25 in) or double column (6.75 in), print-size fonts (never
// under 7 pt), the same palette and marker shapes, a compact legend beside or inside the plot, no title unless
// asked. Pure; the UI hands the result to Plotly.toImage.
import { labelWidth, logTickValues } from './ticks.ts';
import type { Figure, PlotLayout, PlotTrace } from './plotTypes.ts';

/** CSS pixels per inch (SVG user units); PNGs are rendered at 300 dpi by scaling. */
export const PX_PER_INCH = 96;
export const PNG_DPI = 300;
export const ptToPx = (pt: number) => (pt * PX_PER_INCH) / 72;

export const PAPER_SIZES = {
  single: { label: '1 column (3.25 in)', inches: 3.25, textPt: 8, smallPt: 7, marks: 0.6, gridColumns: 2 },
  double: { label: '2 columns (6.75 in)', inches: 6.75, textPt: 9, smallPt: 8, marks: 0.8, gridColumns: 3 },
} as const;
export type PaperSize = keyof typeof PAPER_SIZES;

export const LEGEND_PLACES = {
  auto: 'legend: auto (beside; below panels)',
  beside: 'legend beside',
  below: 'legend below',
  'inside-lr': 'legend inside, lower right',
  'inside-ul': 'legend inside, upper left',
  none: 'no legend',
} as const;
export type LegendPlace = keyof typeof LEGEND_PLACES;

export interface ExportOptions {
  size: PaperSize;
  legend: LegendPlace;
  /** Keep the figure's title (off: a paper's caption says what the figure is). */
  title: boolean;
}

export const DEFAULT_EXPORT: ExportOptions = { size: 'single', legend: 'auto', title: false };

/** Where "auto" puts the legend: below a grid of panels (beside, it would take a column's width), else beside. */
export function legendPlace(place: LegendPlace, grid: boolean): Exclude<LegendPlace, 'auto'> {
  return place === 'auto' ? (grid ? 'below' : 'beside') : place;
}

export interface PaperFigure {
  data: PlotTrace[];
  layout: PlotLayout;
  width: number;
  height: number;
}

/** Marker sizes and line widths scaled for print; text on markers (baseline labels) left to the legend. */
function printTrace(t: PlotTrace, marks: number): PlotTrace {
  const out: PlotTrace = { ...t };
  if (t.marker && typeof t.marker.size === 'number') out.marker = { ...t.marker, size: Math.max(3, t.marker.size * marks) };
  const line = t.line as Record<string, unknown> | undefined;
  if (line && typeof line.width === 'number') out.line = { ...line, width: Math.max(0.75, line.width * marks) };
  if (typeof t.mode === 'string' && t.mode.includes('text')) out.mode = t.mode.replace(/\+?text/, '') || 'markers';
  return out;
}

const AXIS_KEY = /^[xy]axis\d*$/;

/** Height of a horizontal legend's rows at the figure width (entries as wide as the longest name). */
function legendRowsHeight(traces: readonly PlotTrace[], width: number, fontPx: number): number {
  const names = traces.filter((t) => t.showlegend !== false && t.name).map((t) => String(t.name));
  if (!names.length) return 0;
  const entry = 40 + labelWidth(names.reduce((a, b) => (a.length > b.length ? a : b)), fontPx);
  const perRow = Math.max(1, Math.floor(width / entry));
  return Math.ceil(names.length / perRow) * fontPx * 1.9 + 6;
}

/** Every value drawn on an axis (for log tick choice). */
function axisValues(traces: readonly PlotTrace[], axisKey: string): number[] {
  const letter = axisKey[0] as 'x' | 'y';
  const ref = `${letter}${axisKey.slice(5)}`;
  return traces.filter((t) => (t[`${letter}axis`] ?? letter) === ref).flatMap((t) => (t[letter] ?? []).filter((v): v is number => typeof v === 'number' && v > 0));
}

function legendLayout(place: Exclude<LegendPlace, 'auto'>, px: number, title: unknown): Record<string, unknown> {
  const base = { font: { size: px }, tracegroupgap: 0, itemwidth: 30, title: { text: '' }, bgcolor: 'rgba(255,255,255,0.85)', borderwidth: 0 };
  const text = (title as { text?: string } | undefined)?.text ?? '';
  if (place === 'beside') return { ...base, orientation: 'v', x: 1.01, xanchor: 'left', y: 1, yanchor: 'top', title: { text, font: { size: px } } };
  if (place === 'below') return { ...base, orientation: 'h', x: 0, xanchor: 'left', xref: 'container', y: 0, yanchor: 'bottom', yref: 'container' };
  if (place === 'inside-lr') return { ...base, orientation: 'v', x: 0.99, xanchor: 'right', y: 0.01, yanchor: 'bottom', bordercolor: '#999999', borderwidth: 0.5 };
  return { ...base, orientation: 'v', x: 0.01, xanchor: 'left', y: 0.99, yanchor: 'top', bordercolor: '#999999', borderwidth: 0.5 };
}

export function paperFigure(fig: Figure, options: ExportOptions, aspect = 0.75): PaperFigure {
  const grid = Object.keys(fig.layout).some((k) => k === 'xaxis2');
  const coloraxis = fig.layout.coloraxis as { colorbar?: Record<string, unknown> } | undefined;
  // A colour bar takes the place beside the plot: the legend goes below.
  const legend = coloraxis && options.legend === 'beside' ? 'below' : legendPlace(options.legend, grid || !!coloraxis);
  const opts = { ...options, legend };
  const { inches, textPt, smallPt, marks } = PAPER_SIZES[opts.size];
  const text = ptToPx(textPt);
  const small = ptToPx(smallPt);
  const width = Math.round(inches * PX_PER_INCH);
  const data = fig.traces.map((t) => printTrace(t, marks));
  // A legend below takes height of its own (its rows of entries), not the plot's.
  const below = opts.legend === 'below' ? legendRowsHeight(data, width, small) : 0;
  const height = Math.round(width * aspect + below);
  const layout: PlotLayout = {
    ...fig.layout,
    width, height,
    font: { family: 'Arial, Helvetica, sans-serif', size: text, color: '#000000' },
    margin: { l: 4, r: 4, t: opts.title && fig.layout.title ? text * 2.5 : 6, b: 4 + below, pad: 0 },
    paper_bgcolor: '#ffffff', plot_bgcolor: '#ffffff',
    showlegend: opts.legend !== 'none',
    legend: legendLayout(opts.legend, small, (fig.layout.legend as { title?: unknown } | undefined)?.title),
  };
  if (!opts.title) delete layout.title;
  else if (fig.layout.title) layout.title = { ...(typeof fig.layout.title === 'object' ? fig.layout.title : { text: fig.layout.title }), font: { size: text } };
  const plotWidth = width * (opts.legend === 'beside' ? 0.5 : 0.85);
  for (const key of Object.keys(fig.layout).filter((k) => AXIS_KEY.test(k))) {
    const axis = fig.layout[key] as Record<string, unknown>;
    const title = axis.title as { text?: string } | undefined;
    const out: Record<string, unknown> = {
      ...axis, automargin: true, tickfont: { size: small }, title: { ...title, font: { size: text }, standoff: 4 },
    };
    if (axis.type === 'log') {
      // Plotly draws the 2 and 5 of a log axis in a smaller font; explicit ticks are full size and never collide.
      const domain = (axis.domain as [number, number] | undefined) ?? [0, 1];
      const length = key.startsWith('x') ? plotWidth * (domain[1] - domain[0]) : height * 0.8 * (domain[1] - domain[0]);
      const ticks = logTickValues(axisValues(fig.traces, key), length, small, key.startsWith('x'));
      if (ticks) Object.assign(out, { tickmode: 'array', tickvals: ticks.values, ticktext: ticks.labels });
    }
    layout[key] = out;
  }
  if (coloraxis) {
    const bar = coloraxis.colorbar ?? {};
    layout.coloraxis = { ...coloraxis, colorbar: { ...bar, thickness: 8, tickfont: { size: small }, title: { ...(bar.title as object | undefined), font: { size: small } } } };
  }
  const annotations = fig.layout.annotations as Record<string, unknown>[] | undefined;
  if (annotations) layout.annotations = annotations.map((a) => ({ ...a, font: { ...(a.font as object | undefined), size: text } }));
  const shapes = fig.layout.shapes as Record<string, unknown>[] | undefined;
  if (shapes) layout.shapes = shapes.map((sh) => ({ ...sh, line: { ...(sh.line as object | undefined), width: 1 } }));
  return { data, layout, width, height };
}
