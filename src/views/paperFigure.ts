// A figure restyled for a paper: single column (3.25 in) or double column (6.75 in), print-size fonts, the
// same palette and marker shapes. Pure; the UI hands the result to Plotly.toImage.
import type { Figure, PlotLayout, PlotTrace } from './plotTypes.ts';

export const PAPER_SIZES = {
  single: { label: 'single column, 3.25 in', inches: 3.25, font: 8, marks: 0.6 },
  double: { label: 'double column, 6.75 in', inches: 6.75, font: 9, marks: 0.8 },
} as const;
export type PaperSize = keyof typeof PAPER_SIZES;

/** CSS pixels per inch; PNGs are rendered at 300 dpi by scaling. */
export const PX_PER_INCH = 96;
export const PNG_DPI = 300;

export interface PaperFigure {
  data: PlotTrace[];
  layout: PlotLayout;
  width: number;
  height: number;
}

/** Marker sizes and line widths scaled for print (screen sizes are too heavy at a column width). */
function printTrace(t: PlotTrace, marks: number): PlotTrace {
  const out: PlotTrace = { ...t };
  if (t.marker && typeof t.marker.size === 'number') out.marker = { ...t.marker, size: t.marker.size * marks };
  const line = t.line as Record<string, unknown> | undefined;
  if (line && typeof line.width === 'number') out.line = { ...line, width: Math.max(0.75, line.width * marks) };
  return out;
}

export function paperFigure(fig: Figure, size: PaperSize, aspect = 0.75): PaperFigure {
  const { inches, font, marks } = PAPER_SIZES[size];
  const width = Math.round(inches * PX_PER_INCH);
  // 40 % more than the plot's aspect, for the legend below the X title.
  const height = Math.round(width * aspect * 1.4);
  const layout: PlotLayout = {
    ...fig.layout,
    width, height,
    font: { family: 'Arial, Helvetica, sans-serif', size: font, color: '#000000' },
    margin: { l: 48, r: 8, t: fig.layout.title ? 36 : 12, b: 16 },
    paper_bgcolor: '#ffffff', plot_bgcolor: '#ffffff',
    // Below the plot, so the plot keeps the column's full width.
    legend: {
      ...(fig.layout.legend as Record<string, unknown> | undefined), font: { size: font - 1 }, orientation: 'h', x: 0, y: -0.3, yanchor: 'top',
      title: { ...((fig.layout.legend as { title?: object } | undefined)?.title), side: 'top left' },
    },
  };
  const annotations = fig.layout.annotations as Record<string, unknown>[] | undefined;
  if (annotations) layout.annotations = annotations.map((a) => ({ ...a, font: { ...(a.font as object | undefined), size: font - 1 } }));
  const shapes = fig.layout.shapes as Record<string, unknown>[] | undefined;
  if (shapes) layout.shapes = shapes.map((sh) => ({ ...sh, line: { ...(sh.line as object | undefined), width: 1 } }));
  return { data: fig.traces.map((t) => printTrace(t, marks)), layout, width, height };
}
