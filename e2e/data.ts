// The shipped CSV, read in Node: tests count expected SAEs from the data, never from literals.
import { readFileSync } from 'node:fs';
import { parseCsvRecords } from '../src/ingest/csv.ts';

export const SAES = parseCsvRecords(readFileSync('data/saebench/saebench_metrics.csv', 'utf8')).records;
export const byId = new Map(SAES.map((r) => [r.sae_id!, r]));
