// CSV for papers and spreadsheets: exact numbers, RFC 4180 quoting, and text cells that a spreadsheet
// would run as a formula neutralised with a leading apostrophe (OWASP advice), also when the formula character
// follows leading whitespace or is its full-width form (spreadsheets trim and normalise both).

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/;

export function csvCell(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? '-0' : String(v)) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const text = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `String(n)` is the shortest text that parses back to the same double, so numbers round-trip exactly. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c] as CsvCell)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
