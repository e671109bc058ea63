// Splitting and decoding a URL query by hand (so raw, still-encoded values can be split on commas first).
export type QueryPair = [string, string];

export function splitQuery(search: string): QueryPair[] {
  const q = search.startsWith('?') ? search.slice(1) : search;
  if (!q) return [];
  return q.split('&').filter(Boolean).map((part) => {
    const eq = part.indexOf('=');
    return eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
  });
}

/** decodeURIComponent with "+" as space; malformed escapes are kept as they are. */
export function decodeItem(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** A value from a link, quoted and cut short for a notice (links can carry 100 KB values). */
export function quoteForNotice(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
}

/** A plain decimal number as people write it (`12`, `-0.5`, `1e3`); not hex, not padded, not `Infinity`. */
export function parseDecimal(s: string): number | null {
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const n = Number(s);
  // -0 would not survive the round trip through String(); it means 0.
  return Number.isFinite(n) ? n + 0 : null;
}
