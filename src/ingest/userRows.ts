// Imported SAEs as rows of the two tables the app queries: one wide row per SAE (catalog columns, a provenance
// per value) and every value in the long table. In the page they are the user's own ("user_upload", is_user);
// from the ingest CLI they are a dataset ("ingested"). Identity fields edited in the page override the files.
import { EVAL_PROVENANCE_COLUMNS, PROVENANCE_EVALS, TABLE_COLUMNS, columnType, provenanceColumnOf } from '../catalog/columns.ts';
import { METRIC_BY_VALUE_KEY } from '../catalog/metrics.ts';
import type { CellValue, TypedColumn } from './arrowTable.ts';
import type { ImportedSae, SaeIdentity } from './importResults.ts';

export const USER_PROVENANCE = 'user_upload';
/** Provenance of results turned into a dataset with `npm run ingest`. */
export const INGESTED_PROVENANCE = 'ingested';
export const DEFAULT_USER_RELEASE = 'my SAEs';

export type IdentityEdits = Readonly<Record<string, Partial<SaeIdentity>>>;

export function effectiveIdentity(sae: ImportedSae, edits: IdentityEdits): SaeIdentity {
  return { ...sae.identity, ...edits[sae.saeId] };
}

const LONG_COLUMNS = ['sae_id', 'eval_type', 'metric_category', 'metric', 'value', 'provenance', 'source_repo', 'source_ref', 'source_path', 'local_path', 'note'] as const;

export interface TableOptions {
  /** One release for all (the page's "my SAEs"); null: each SAE's own SAELens release (the ingest CLI). */
  release: string | null;
  edits: IdentityEdits;
  provenance: string;
  /** The rows are the user's own, added in the page. */
  isUser: boolean;
}

export function importedTables(saes: readonly ImportedSae[], o: TableOptions): { wide: TypedColumn[]; long: TypedColumn[] } {
  const provenance = o.provenance;
  const rows = saes.map((sae) => {
    const id = effectiveIdentity(sae, o.edits);
    const row: Record<string, CellValue> = {
      sae_id: o.isUser ? sae.saeId : sae.key, release: o.release ?? id.saeLensReleaseId ?? 'ingested', model: id.model, layer: id.layer,
      hook_name: id.hookName, architecture: id.architecture, dict_size: id.dictSize, training_tokens: id.trainingTokens,
      sae_lens_release_id: id.saeLensReleaseId, sae_lens_id: id.saeLensId, is_baseline: false, is_user: o.isUser,
    };
    for (const v of sae.values) {
      const def = METRIC_BY_VALUE_KEY.get(`${v.evalType}|${v.category}|${v.metric}`);
      if (!def || row[def.id] !== undefined) continue;
      row[def.id] = v.value;
      row[provenanceColumnOf(def.id)] = provenance;
    }
    PROVENANCE_EVALS.forEach((e, i) => {
      if (sae.values.some((v) => v.evalType === e)) row[EVAL_PROVENANCE_COLUMNS[i]!] = provenance;
    });
    return row;
  });
  const wide = TABLE_COLUMNS.map((name) => ({ name, type: columnType(name) ?? 'string', values: rows.map((r) => r[name] ?? null) }));
  const values = saes.flatMap((sae) => sae.values.map((v) => {
    const version = sae.versions.find((x) => x.evalType === v.evalType && x.file === v.file);
    return {
      sae_id: o.isUser ? sae.saeId : sae.key, eval_type: v.evalType, metric_category: v.category, metric: v.metric, value: v.value, provenance,
      source_repo: o.isUser ? 'your file' : 'ingested file', source_ref: version?.commit ?? '', source_path: v.file, local_path: v.file,
      note: [version?.commit && `SAEBench commit ${version.commit}`, version?.configHash && `eval config ${version.configHash}`].filter(Boolean).join(', ') || null,
    } as Record<string, CellValue>;
  }));
  const long = LONG_COLUMNS.map((name) => ({ name, type: name === 'value' ? 'number' as const : 'string' as const, values: values.map((r) => r[name] ?? null) }));
  return { wide, long };
}
