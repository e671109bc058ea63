// Colours, marker shapes and labels. Architecture colours follow the Okabe-Ito colour-blind-safe palette;
// every architecture also has its own marker shape, so print in grey still tells them apart.

import { architectureLabel } from '../catalog/architectures.ts';

const ARCH_STYLE: Record<string, { color: string; symbol: string }> = {
  standard: { color: '#E69F00', symbol: 'circle' },
  p_anneal: { color: '#000000', symbol: 'triangle-down' },
  topk: { color: '#0072B2', symbol: 'square' },
  batch_topk: { color: '#56B4E9', symbol: 'diamond' },
  matryoshka_batch_topk: { color: '#D55E00', symbol: 'star' },
  jumprelu: { color: '#009E73', symbol: 'triangle-up' },
  gated: { color: '#CC79A7', symbol: 'cross' },
  pca: { color: '#7F7F7F', symbol: 'x' },
};

const FALLBACK_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442', '#7F7F7F'];
const FALLBACK_SYMBOLS = ['circle', 'square', 'diamond', 'triangle-up', 'cross', 'x', 'triangle-down', 'star', 'pentagon'];

export function architectureStyle(arch: string, index: number): { color: string; symbol: string } {
  return ARCH_STYLE[arch] ?? {
    color: FALLBACK_COLORS[index % FALLBACK_COLORS.length] ?? '#000000',
    symbol: FALLBACK_SYMBOLS[index % FALLBACK_SYMBOLS.length] ?? 'circle',
  };
}

export function categoryColor(index: number): string {
  return FALLBACK_COLORS[index % FALLBACK_COLORS.length] ?? '#000000';
}

export function categorySymbol(index: number): string {
  return FALLBACK_SYMBOLS[index % FALLBACK_SYMBOLS.length] ?? 'circle';
}

/** SAEBench's width labels (graphing_utils.get_d_sae_string): nearest thousand, 66k shown as 65k. */
export function formatWidth(n: number): string {
  if (n >= 1_000_000 && n <= 1_060_000) return '1M';
  // Dictionary sizes are powers of two (4k, 16k, 65k); anything else (a PCA baseline's d_model = 2304) as is.
  if (n < 1000 || (n % 1024 !== 0 && n % 1000 !== 0)) return String(n);
  const k = Math.round(n / 1000);
  return `${k === 66 ? 65 : k}k`;
}

export function formatTokens(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toPrecision(3)}B`;
  if (n >= 1e6) return `${(n / 1e6).toPrecision(3)}M`;
  return String(n);
}

/** Human label of a category value in a column. */
export function categoryLabel(column: string, value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  if (column === 'architecture') return architectureLabel(String(value));
  if (column === 'dict_size' && typeof value === 'number') return formatWidth(value);
  if (column === 'training_tokens' && typeof value === 'number') return formatTokens(value);
  if (column === 'layer') return `L${String(value)}`;
  if (column === 'is_baseline' || column === 'is_user') return value === true || value === 1 ? 'yes' : 'no';
  return String(value);
}

/** "1 SAE", "42 SAEs", "1,000,000 SAEs". */
export function countOf(n: number, noun = 'SAE'): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}

export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return String(v);
    return Math.abs(v) >= 1000 ? v.toFixed(1) : v.toPrecision(4);
  }
  return String(v);
}

/** Escapes text placed into Plotly hover/legend strings, which accept a subset of HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export const COLOR_COLUMN_LABELS: Record<string, string> = {
  architecture: 'Architecture', model: 'Model', dict_size: 'Width', layer: 'Layer', release: 'Release',
};

/** WCAG relative luminance of an `rgb(r, g, b)`, `rgba(…)` or `#rrggbb` colour. */
export function luminance(color: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  const rgb = m ? [0, 2, 4].map((k) => Number.parseInt(m[1]!.slice(k, k + 2), 16)) : (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const [r = 0, g = 0, b = 0] = rgb.map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black text has the higher contrast on this fill than white. */
export function prefersDarkText(fill: string): boolean {
  const l = luminance(fill);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05);
}
