/**
 * Connect-the-dots lines per group, the SAEBench paper-figure style (graphing_utils
 * `plot_2var_graph(connect_points=True)`: one line per architecture through its points sorted by L0).
 */
import { compareStrings, isFiniteNumber } from './util';

export interface LineInput {
  id: string;
  group: string;
  x: number | null;
  y: number | null;
}

export interface LinePoint {
  id: string;
  x: number;
  y: number;
}

export interface GroupLine {
  group: string;
  /** finite points sorted by x, ties by y, then id (code-unit order) */
  points: LinePoint[];
  /** ids dropped because x or y was null / NaN / ±Infinity, in input order */
  dropped: string[];
}

/**
 * One line per group that occurs in the input (code-unit sorted by group name). A group whose
 * points were all dropped is still returned, with `points: []`, so the UI can say why it is missing.
 */
export function linesPerGroup(points: readonly LineInput[]): GroupLine[] {
  const groups = new Map<string, GroupLine>();
  for (const p of points) {
    let g = groups.get(p.group);
    if (g === undefined) {
      g = { group: p.group, points: [], dropped: [] };
      groups.set(p.group, g);
    }
    if (isFiniteNumber(p.x) && isFiniteNumber(p.y)) g.points.push({ id: p.id, x: p.x, y: p.y });
    else g.dropped.push(p.id);
  }
  const out = [...groups.values()].sort((a, b) => compareStrings(a.group, b.group));
  for (const g of out) g.points.sort((a, b) => a.x - b.x || a.y - b.y || compareStrings(a.id, b.id));
  return out;
}
