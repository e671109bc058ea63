// The manifest a dataset ships with (domains, metric counts, the prefetched answers of its initial views), so
// the app can draw its first chart before DuckDB-WASM is up.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { statsFromRows, type Manifest } from '../../src/data/datasetInfo.ts';
import { queryKey } from '../../src/db/coordinator.ts';
import { allDomainsQuery, metricTotalsByModelQuery, saeIdsQuery } from '../../src/query/saeQueries.ts';
import type { SqlQuery } from '../../src/query/sql.ts';
import { PRESETS } from '../../src/state/presets.ts';
import { decodeUrl } from '../../src/state/urlCodec.ts';
import { defaultsFor, VIEWS, type ViewState } from '../../src/state/viewState.ts';
import { panelQueries, VIEW_DEFS, type DatasetSize } from '../../src/views/registry.ts';
import type { NodeDb } from './nodeDuckDb.ts';

/** Datasets above this many SAEs list no ids in the manifest (ids are then checked when used). */
export const MAX_LISTED_IDS = 20_000;

/** FNV-1a, for prefetch file names. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

export function initialQueries(s: ViewState, info: DatasetSize): SqlQuery[] {
  return [...Object.values(VIEW_DEFS[s.view].queries(s, info) ?? {}), ...Object.values(panelQueries(s))];
}

export interface ManifestOptions {
  name: string;
  synthetic: boolean;
  /** Prefetch the presets' views too (the real dataset), not only the default one. */
  presets: boolean;
  extra?: Record<string, unknown>;
}

export function writeManifest(db: NodeDb, outDir: string, opts: ManifestOptions): Manifest {
  const saeCount = db.frame({ sql: 'SELECT count(*)::DOUBLE AS n FROM saes', params: [] }).columns.get('n')![0] as number;
  const ids = saeCount <= MAX_LISTED_IDS ? db.rows(saeIdsQuery()).map((r) => String(r.sae_id)) : null;
  const { domains, metricTotals, metricTotalsByModel } = statsFromRows(db.rows(allDomainsQuery()) as { dim: string; value: string }[], db.rows(metricTotalsByModelQuery()), ids);
  const values = domains.values;
  // The first view of every tab, and (for the bundled data) every preset, draw before DuckDB is up.
  const defaults = defaultsFor(domains);
  const states = [
    ...VIEWS.filter((v) => v !== 'rescore').map((view) => ({ ...defaults, view })),
    ...(opts.presets ? PRESETS.map((p) => decodeUrl(p.search, domains).state) : []),
  ];
  const prefetch: Record<string, string> = {};
  mkdirSync(join(outDir, 'prefetch'), { recursive: true });
  for (const q of states.flatMap((st) => initialQueries(st, { saeCount, domains }))) {
    const key = queryKey(q);
    if (prefetch[key]) continue;
    const file = `prefetch/${hash(key)}.arrows`;
    if (Object.values(prefetch).includes(file)) throw new Error(`prefetch file name collision: ${file}`);
    writeFileSync(join(outDir, file), db.ipc(q));
    prefetch[key] = file;
  }
  const manifest: Manifest = {
    name: opts.name, synthetic: opts.synthetic, saeCount, domains: { values, saeIds: ids },
    metricTotals, metricTotalsByModel, prefetch, ...opts.extra,
  };
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest));
  return manifest;
}
