// Adding, editing and removing the user's results: read the files, join them into SAEs, put them into DuckDB
// next to the dataset's SAEs, keep them in this browser, refresh what the app knows about the data, and widen
// the filters so the new SAEs show. Loaded on first use (it brings the schemas, the importer and the unzipper).
import { DIMENSIONS, type DimensionKey } from '../../catalog/columns.ts';
import { statsFromRows, type DatasetInfo } from '../../data/datasetInfo.ts';
import { rowsFromFrame } from '../../data/frame.ts';
import type { StartedDatabase } from '../../db/boot.ts';
import { clearSavedImport, saveImport, type SavedImport } from '../../db/savedImport.ts';
import { columnsToArrowIpc } from '../../ingest/arrowTable.ts';
import { importResults, schemaEvalType, type ImportedSae, type InputFile, type ReportLine, type SaeIdentity, type Schemas } from '../../ingest/importResults.ts';
import { effectiveIdentity, importedTables, USER_PROVENANCE, type IdentityEdits } from '../../ingest/userRows.ts';
import { allDomainsQuery, metricTotalsByModelQuery, saeIdsQuery } from '../../query/saeQueries.ts';
import { rowCountQuery } from '../../query/schema.ts';
import { useStore } from '../../state/store.ts';
import { useUserResults, type AddedFilterValues } from '../../state/userResults.ts';
import type { Filters } from '../../state/viewState.ts';
import { expandArchives } from './readFiles.ts';

const schemaFiles = import.meta.glob('../../../data/saebench/schemas/eval_output_schema_*.json', { eager: true, import: 'default' });
const SCHEMAS: Schemas = Object.fromEntries(Object.entries(schemaFiles).flatMap(([path, schema]) => {
  const evalType = schemaEvalType(path);
  return evalType ? [[evalType, schema as Record<string, unknown>]] : [];
}));

export interface ImportContext {
  database: Promise<StartedDatabase>;
  /** The dataset's own description (name, prefetch, whether ids are listed); domains and counts are re-read. */
  info: DatasetInfo;
  setInfo: (info: DatasetInfo) => void;
}

const encoder = new TextEncoder();

/** What the database holds now: the manifest's fields (name, prefetch…) with fresh domains and counts. */
async function currentInfo(db: StartedDatabase, ctx: ImportContext): Promise<DatasetInfo> {
  const ids = ctx.info.domains.saeIds ? rowsFromFrame(await db.run(saeIdsQuery())).map((r) => String(r.sae_id)) : null;
  const stats = statsFromRows(
    rowsFromFrame(await db.run(allDomainsQuery())) as { dim: string; value: string }[],
    rowsFromFrame(await db.run(metricTotalsByModelQuery())),
    ids,
  );
  const saeCount = rowsFromFrame(await db.run(rowCountQuery('saes')))[0]?.n as number;
  return { ...ctx.info, ...stats, saeCount };
}

const IDENTITY_OF_DIM: Partial<Record<DimensionKey, (id: SaeIdentity, release: string) => string | number | null>> = {
  model: (id) => id.model, layer: (id) => id.layer, width: (id) => id.dictSize, arch: (id) => id.architecture,
  release: (_, release) => release, prov: () => USER_PROVENANCE,
};

/** The user's SAEs show whatever the filters: their values join every non-empty filter. What was added on
 * their behalf is taken out again first, so removing them gives back the filters exactly as they were. */
function showUserSaes(saes: readonly ImportedSae[], release: string, edits: IdentityEdits): void {
  const view = useStore.getState().view;
  const before = useUserResults.getState().addedFilterValues;
  const patch: Partial<Filters> = {};
  const added: AddedFilterValues = {};
  for (const d of DIMENSIONS) {
    const of = IDENTITY_OF_DIM[d.key];
    if (!of) continue;
    const current = (view[d.key] as (string | number)[]).filter((v) => !before[d.key]?.includes(v));
    if (!current.length) continue; // an empty filter shows everything already
    const mine = [...new Set(saes.map((s) => of(effectiveIdentity(s, edits), release)).filter((v) => v !== null))];
    const extra = mine.filter((v) => !current.includes(v));
    if (extra.length) added[d.key] = extra;
    const next = [...current, ...extra];
    const was = view[d.key] as (string | number)[];
    if (next.length !== was.length || next.some((v, i) => v !== was[i])) (patch as Record<DimensionKey, unknown>)[d.key] = next;
  }
  useUserResults.getState().set({ addedFilterValues: added });
  if (Object.keys(patch).length) useStore.getState().update(patch);
}

/** Reads everything kept so far plus `added`, and puts the result in place. */
async function apply(ctx: ImportContext, files: { path: string; text: string }[], release: string, edits: IdentityEdits, extraReport: ReportLine[] = []): Promise<void> {
  const store = useUserResults.getState();
  store.set({ busy: `Reading ${files.length} file${files.length === 1 ? '' : 's'}…`, error: null });
  try {
    const inputs: InputFile[] = files.map((f) => ({ path: f.path, bytes: encoder.encode(f.text) }));
    const outcome = importResults(inputs, SCHEMAS);
    const loaded = new Set(outcome.saes.flatMap((s) => s.values.map((v) => v.file)));
    const kept = files.filter((f) => loaded.has(f.path));
    store.set({ busy: `Adding ${outcome.saes.length} SAEs to the database…` });
    const db = await ctx.database;
    const tables = outcome.saes.length ? importedTables(outcome.saes, { release, edits, provenance: USER_PROVENANCE, isUser: true }) : null;
    await db.replaceUserSaes(tables ? { wide: columnsToArrowIpc(tables.wide), long: columnsToArrowIpc(tables.long) } : null);
    const after = await currentInfo(db, ctx);
    ctx.setInfo(after);
    showUserSaes(outcome.saes, release, edits);
    store.set({ saes: outcome.saes, files: kept, release, edits, report: [...extraReport, ...outcome.report], busy: null });
    if (kept.length) await saveImport({ release, files: kept, edits, addedFilterValues: useUserResults.getState().addedFilterValues });
    else await clearSavedImport();
  } catch (e) {
    store.set({ busy: null, error: e instanceof Error ? e.message : String(e) });
  }
}

const textOf = (f: InputFile) => new TextDecoder().decode(f.bytes);

export async function addFiles(ctx: ImportContext, picked: readonly InputFile[]): Promise<void> {
  const { files: expanded, report } = await expandArchives(picked);
  const s = useUserResults.getState();
  // A file of the same path replaces the earlier one.
  const fresh = expanded.map((f) => ({ path: f.path, text: textOf(f) }));
  const replaced = new Set(fresh.map((f) => f.path));
  const kept = s.files.filter((f) => !replaced.has(f.path));
  await apply(ctx, [...kept, ...fresh], s.release, s.edits, report);
}

export async function restore(ctx: ImportContext, saved: SavedImport): Promise<void> {
  useUserResults.getState().set({ addedFilterValues: saved.addedFilterValues ?? {} });
  await apply(ctx, saved.files, saved.release, saved.edits);
}

export async function removeAll(ctx: ImportContext): Promise<void> {
  await apply(ctx, [], useUserResults.getState().release, {});
}

export async function rename(ctx: ImportContext, release: string): Promise<void> {
  const s = useUserResults.getState();
  await apply(ctx, s.files, release.trim().slice(0, 80) || 'my SAEs', s.edits);
}

export async function editIdentity(ctx: ImportContext, saeId: string, patch: Partial<SaeIdentity>): Promise<void> {
  const s = useUserResults.getState();
  await apply(ctx, s.files, s.release, { ...s.edits, [saeId]: { ...s.edits[saeId], ...patch } });
}
