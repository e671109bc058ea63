// The shipped dataset (built as `npm run data` builds it) in DuckDB-WASM's Node build, the browser's engine.
import { buildDataset, type BuiltDataset } from '../../scripts/data/buildDataset.ts';
import { openNodeDb, type NodeDb } from '../../scripts/data/nodeDuckDb.ts';
import { columnsToArrowIpc } from '../../src/ingest/arrowTable.ts';

let built: BuiltDataset | null = null;

export function shippedDataset(): BuiltDataset {
  built ??= buildDataset('data/saebench');
  return built;
}

/** The wide table as plain objects, the expected values of tests (independent of the SQL under test). */
export function shippedRows(): Record<string, string | number | boolean | null>[] {
  const d = shippedDataset();
  return Array.from({ length: d.saeCount }, (_, i) => Object.fromEntries(d.saes.map((c) => [c.name, c.values[i] ?? null])));
}

export type TestDb = NodeDb;

export async function openTestDb(): Promise<TestDb> {
  const d = shippedDataset();
  return openNodeDb({ saes: columnsToArrowIpc(d.saes), metric_values: columnsToArrowIpc(d.values) });
}
