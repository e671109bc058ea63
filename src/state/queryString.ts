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
