// The user's own SAEs stand out in every plot: a ring around each, with its own legend entry.
import { num, str, type Frame } from '../data/frame.ts';
import type { PlotTrace } from './plotTypes.ts';

export const isUserRow = (f: Frame): ((i: number) => boolean) => {
  const col = num(f, 'is_user');
  return (i) => col[i] === 1;
};

export function userRingTrace(f: Frame, rows: readonly number[], xCol: string, yCol: string, yValue?: (i: number) => number): PlotTrace | null {
  const mine = rows.filter(isUserRow(f));
  if (!mine.length) return null;
  const x = num(f, xCol);
  const y = num(f, yCol);
  const ids = str(f, 'sae_id');
  return {
    type: 'scatter', mode: 'markers', name: 'Yours (added in this browser)', legendgroup: 'yours',
    x: mine.map((i) => x[i]!), y: mine.map((i) => (yValue ? yValue(i) : y[i]!)), customdata: mine.map((i) => ids[i] ?? ''),
    hoverinfo: 'skip', marker: { symbol: 'circle-open', size: 17, color: '#000000', line: { width: 2.5 } }, showlegend: true,
  };
}
