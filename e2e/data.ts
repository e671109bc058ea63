// The shipped dataset as the data build makes it, read in Node: tests count expected SAEs from the data,
// never from literals. Cells as text, as the CSV downloads write them ('' = missing).
import { readFileSync } from 'node:fs';
import { shippedRows } from '../tests/helpers/duckdb.ts';

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export const SAES: Record<string, string>[] = shippedRows().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, text(v)])));
export const byId = new Map(SAES.map((r) => [r.sae_id!, r]));

/** Source I, Neuronpedia's export of the 126 Gemma-2-2B SAEs, read directly (not through the app's reader). */
export const SOURCE_I = JSON.parse(readFileSync('data/saebench/sources/LeStoe11__SAEBench/63318de27ce4cfd1209aa8a5315895e7ea3a9e83/saebench_results.json', 'utf8')) as Record<string, string | number>[];
