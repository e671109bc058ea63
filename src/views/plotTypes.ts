// The slice of Plotly's figure types the spec functions produce (plain JSON, no Plotly import).
export interface PlotTrace {
  type: string;
  name?: string;
  mode?: string;
  x?: (number | string | null)[];
  y?: (number | string | null)[];
  customdata?: string[];
  text?: string[];
  marker?: Record<string, unknown>;
  [key: string]: unknown;
}

export type PlotLayout = Record<string, unknown>;

export interface Figure {
  traces: PlotTrace[];
  layout: PlotLayout;
}
