// What the figure-export buttons export: the Plotly figure on screen, or a matrix view's SVG renderer (only
// one view is shown at a time).
import { useEffect } from 'react';
import type { PaperSize } from '../views/paperFigure.ts';
import type { Figure } from '../views/plotTypes.ts';

export type ExportSource =
  /** `forSize`: a figure laid out for the paper size (the grid's columns), instead of the one on screen. */
  | { kind: 'plotly'; figure: Figure; aspect: number; forSize?: (size: PaperSize) => { figure: Figure; aspect: number } }
  | { kind: 'svg'; render: (size: PaperSize) => { svg: string; width: number; height: number } };

let current: ExportSource | null = null;

function setExportSource(source: ExportSource | null): void {
  current = source;
}

export function exportSource(): ExportSource | null {
  return current;
}

/** Registers what the export buttons should export while the calling view is on screen. */
export function useExportSource(source: ExportSource): void {
  useEffect(() => {
    setExportSource(source);
    return () => setExportSource(null);
  }, [source]);
}
