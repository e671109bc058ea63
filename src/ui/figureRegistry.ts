// The figure now on screen, for the figure-export buttons (only one plot view is shown at a time).
import type { Figure } from '../views/plotTypes.ts';

let current: { figure: Figure; aspect: number } | null = null;

export function setCurrentFigure(figure: Figure | null, aspect = 0.75): void {
  current = figure ? { figure, aspect } : null;
}

export function currentFigure(): { figure: Figure; aspect: number } | null {
  return current;
}
