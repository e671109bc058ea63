/**
 * Small shared helpers for the pure analysis modules. No DOM, no DuckDB.
 */

/** True for a finite JS number (rejects null, undefined, NaN, ±Infinity, strings, bigint). */
export function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * Coerces a cell value to a finite number or null.
 * - finite numbers pass through;
 * - bigint (DuckDB/Arrow BIGINT columns) is converted with Number();
 * - everything else (null, undefined, NaN, ±Infinity, strings, booleans, objects) is missing.
 */
export function toFiniteNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** Locale-independent, deterministic string comparison (UTF-16 code units). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
