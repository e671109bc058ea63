// "Add results": the user's SAEBench output (files, a folder, a .zip, Neuronpedia exports) joins the dataset in
// this browser. The import report lists every file and what became of it; identity fields can be corrected.
import { useState } from 'react';
import { ARCHITECTURES } from '../../catalog/architectures.ts';
import type { InputFile, SaeIdentity } from '../../ingest/importResults.ts';
import { effectiveIdentity } from '../../ingest/userRows.ts';
import { useUserResults } from '../../state/userResults.ts';
import { useAppData } from '../AppData.tsx';
import { filesFromList } from './readFiles.ts';

const controller = () => import('./importController.ts');

export function useImportActions() {
  const app = useAppData();
  const ctx = { database: app.database, info: app.info, setInfo: app.setInfo };
  return {
    add: async (files: readonly InputFile[]) => (await controller()).addFiles(ctx, files),
    removeAll: async () => (await controller()).removeAll(ctx),
    rename: async (name: string) => (await controller()).rename(ctx, name),
    edit: async (saeId: string, patch: Partial<SaeIdentity>) => (await controller()).editIdentity(ctx, saeId, patch),
  };
}

const STATUS_LABEL = { loaded: 'loaded', warning: 'warning', rejected: 'rejected' } as const;
const REPORT_ROWS = 300;

function IdentityField({ value, label, onCommit, numeric }: { value: string | number | null; label: string; onCommit: (v: string | number | null) => void; numeric?: boolean }) {
  const [text, setText] = useState(value === null ? '' : String(value));
  const commit = () => {
    const t = text.trim();
    const v = t === '' ? null : numeric ? Number(t) : t;
    if (numeric && v !== null && !Number.isFinite(v)) return setText(value === null ? '' : String(value));
    if (v !== value) onCommit(v);
  };
  return <input aria-label={label} value={text} placeholder="unknown" onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} size={numeric ? 7 : 16} />;
}

export function AddResultsPanel({ onClose }: { onClose: () => void }) {
  const r = useUserResults();
  const actions = useImportActions();
  const [release, setRelease] = useState(r.release);
  const pick = async (list: FileList | null) => {
    if (list?.length) await actions.add(await filesFromList(list));
  };
  const unresolved = r.saes.filter((s) => {
    const id = effectiveIdentity(s, r.edits);
    return id.model === null || id.layer === null || id.dictSize === null;
  }).length;
  const counts = { loaded: 0, warning: 0, rejected: 0 };
  for (const l of r.report) counts[l.status]++;
  return (
    <section className="add-results" aria-label="Add results" data-testid="add-results">
      <div className="panel-head">
        <h2>Add your SAEBench results</h2>
        <button type="button" onClick={onClose} aria-label="Close the add-results panel">×</button>
      </div>
      <p className="muted">
        SAEBench output (<code>eval_results/&lt;eval type&gt;/…_eval_results.json</code> of any eval and version), whole folders in the
        official layout, .zip archives, or Neuronpedia SAEBench exports. Drop them anywhere on the page, or choose them here.
        They stay in this browser (until you remove them) and never travel in a shared link.
      </p>
      <div className="add-inputs">
        <label>Files or .zip <input type="file" multiple accept=".json,.zip,application/json,application/zip" onChange={(e) => void pick(e.target.files)} /></label>
        <label>A folder <input type="file" {...{ webkitdirectory: '', directory: '' }} onChange={(e) => void pick(e.target.files)} /></label>
        <label>
          Name of your release{' '}
          <input value={release} onChange={(e) => setRelease(e.target.value)} onBlur={() => release !== r.release && void actions.rename(release)} onKeyDown={(e) => e.key === 'Enter' && void actions.rename(release)} />
        </label>
      </div>
      {r.busy && <p role="status" className="progress-line"><span className="spinner small" aria-hidden="true" /> {r.busy}</p>}
      {r.error && <p role="alert" className="error">Could not add the results: {r.error}. What was loaded before is unchanged.</p>}
      {r.saes.length > 0 && (
        <>
          <h3>{r.saes.length} SAE{r.saes.length === 1 ? '' : 's'} in “{r.release}”</h3>
          <div className="table-scroll small-table">
            <table className="kv" data-testid="user-saes">
              <thead><tr><th scope="col">SAE</th><th scope="col">Model</th><th scope="col">Layer</th><th scope="col">Width</th><th scope="col">Architecture</th><th scope="col">Evals</th></tr></thead>
              <tbody>
                {r.saes.map((s) => {
                  const id = effectiveIdentity(s, r.edits);
                  const evals = [...new Set(s.values.map((v) => v.evalType))];
                  return (
                    <tr key={s.saeId} data-sae-id={s.saeId}>
                      <th scope="row" title={s.saeId}>{s.name}</th>
                      <td><IdentityField label={`Model of ${s.name}`} value={id.model} onCommit={(v) => void actions.edit(s.saeId, { model: v as string | null })} /></td>
                      <td><IdentityField numeric label={`Layer of ${s.name}`} value={id.layer} onCommit={(v) => void actions.edit(s.saeId, { layer: v as number | null })} /></td>
                      <td><IdentityField numeric label={`Width of ${s.name}`} value={id.dictSize} onCommit={(v) => void actions.edit(s.saeId, { dictSize: v as number | null })} /></td>
                      <td>
                        <select aria-label={`Architecture of ${s.name}`} value={id.architecture ?? ''} onChange={(e) => void actions.edit(s.saeId, { architecture: e.target.value || null })}>
                          <option value="">unknown</option>
                          {ARCHITECTURES.filter((a) => a.id !== 'pca').map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
                          {id.architecture && !ARCHITECTURES.some((a) => a.id === id.architecture) && <option value={id.architecture}>{id.architecture}</option>}
                        </select>
                      </td>
                      <td>{evals.join(', ')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {unresolved > 0 && (
            <p className="muted" role="note">
              {unresolved} of them {unresolved === 1 ? 'has' : 'have'} an unknown model, layer or width: views filtered on those leave
              {unresolved === 1 ? ' it' : ' them'} out until you fill the field in above.
            </p>
          )}
          <button type="button" className="danger" onClick={() => void actions.removeAll()}>Remove all my results</button>
        </>
      )}
      {r.report.length > 0 && (
        <details open={counts.rejected > 0} className="import-report">
          <summary>Import report: {counts.loaded} loaded, {counts.warning} warnings, {counts.rejected} rejected</summary>
          <table className="kv small" data-testid="import-report">
            <thead><tr><th scope="col">File</th><th scope="col">Status</th><th scope="col">What happened</th></tr></thead>
            <tbody>
              {r.report.slice(0, REPORT_ROWS).map((l, i) => (
                <tr key={i} className={`report-${l.status}`}><td className="path">{l.file}</td><td>{STATUS_LABEL[l.status]}</td><td>{l.message}</td></tr>
              ))}
            </tbody>
          </table>
          {r.report.length > REPORT_ROWS && <p className="muted">{r.report.length - REPORT_ROWS} more lines not shown.</p>}
        </details>
      )}
    </section>
  );
}
