// Tick values for a log axis of a printed figure: the densest of 1-2-5, 1-3 or powers of ten (every one, then
// every other) whose labels fit the axis length without touching. Pure.

export interface Ticks {
  values: number[];
  labels: string[];
}

export function tickLabel(v: number): string {
  if (v >= 1e6) return `${+(v / 1e6).toPrecision(3)}M`;
  if (v >= 1e4) return `${+(v / 1e3).toPrecision(3)}k`;
  return String(+v.toPrecision(3));
}

/** Approximate width of a label in an Arial-like font. */
export const labelWidth = (label: string, fontPx: number) => label.length * 0.56 * fontPx;

function ticksIn(lo: number, hi: number, mantissas: readonly number[], decadeStep: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(lo) - 1; e <= Math.ceil(hi); e++) {
    if (mantissas.length === 1 && e % decadeStep !== 0) continue;
    for (const m of mantissas) {
      const v = m * 10 ** e;
      const l = Math.log10(v);
      if (l >= lo - 1e-9 && l <= hi + 1e-9) out.push(+v.toPrecision(12));
    }
  }
  return out;
}

/** Ticks for values drawn on an axis `lengthPx` long; null when there is nothing to place. */
export function logTickValues(values: readonly number[], lengthPx: number, fontPx: number, horizontal: boolean): Ticks | null {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (!positive.length || lengthPx <= 0) return null;
  let lo = Math.log10(Math.min(...positive));
  let hi = Math.log10(Math.max(...positive));
  // Plotly pads an autoranged axis by about 5 % each side; a single value gets half a decade.
  const pad = hi > lo ? (hi - lo) * 0.05 : 0.5;
  lo -= pad;
  hi += pad;
  const pxPerDecade = lengthPx / (hi - lo);
  const candidates: [number[], number][] = [[[1, 2, 5], 1], [[1, 3], 1], [[1], 1], [[1], 2], [[1], 3]];
  for (const [mantissas, step] of candidates) {
    const vals = ticksIn(lo, hi, mantissas, step);
    if (vals.length < 2 && !(mantissas.length === 1 && step === 3)) continue;
    const labels = vals.map(tickLabel);
    const fits = vals.every((v, i) => {
      if (i === 0) return true;
      const gap = (Math.log10(v) - Math.log10(vals[i - 1]!)) * pxPerDecade;
      const need = horizontal ? (labelWidth(labels[i]!, fontPx) + labelWidth(labels[i - 1]!, fontPx)) / 2 + fontPx * 0.6 : fontPx * 1.5;
      return gap >= need;
    });
    if (fits && vals.length) return { values: vals, labels };
  }
  const fallback = ticksIn(lo, hi, [1], 3);
  return fallback.length ? { values: fallback, labels: fallback.map(tickLabel) } : null;
}
