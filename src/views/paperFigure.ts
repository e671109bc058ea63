// A figure restyled for a paper: single column (3.25 in) or double column (6.75 in), print-size fonts, the
// same palette and marker shapes. Pure; the UI hands the result to Plotly.toImage.
import type { Figure, PlotLayout, PlotTrace } from './plotTypes.ts';

export const PAPER_SIZES = {
  single: { label: 'single column, 3.25 in', inches: 3.25, font: 8 },
  double: { label: 'double column, 6.75 in', inches: 6.75, font: 9 },
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

export function paperFigure(fig: Figure, size: PaperSize, aspect = 0.75): PaperFigure {
  const { inches, font } = PAPER_SIZES[size];
  const width = Math.round(inches * PX_PER_INCH);
  const height = Math.round(width * aspect);
  const layout: PlotLayout = {
    ...fig.layout,
    width, height,
    font: { family: 'Arial, Helvetica, sans-serif', size: font, color: '#000000' },
    margin: { l: 48, r: 8, t: fig.layout.title ? 36 : 12, b: 40 },
    paper_bgcolor: '#ffffff', plot_bgcolor: '#ffffff',
    legend: { ...(fig.layout.legend as object | undefined), font: { size: font - 1 } },
  };
  const annotations = fig.layout.annotations as Record<string, unknown>[] | undefined;
  if (annotations) layout.annotations = annotations.map((a) => ({ ...a, font: { ...(a.font as object | undefined), size: font - 1 } }));
  return { data: fig.traces, layout, width, height };
}
