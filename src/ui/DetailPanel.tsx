// The selected SAE: its configuration, every headline metric with provenance, and every value found
// in the sources (loaded on first use).
import { useEffect, useMemo, useState } from 'react';
import { IDENTITY_COLUMNS, PROVENANCE_LABELS } from '../catalog/columns.ts';
import { EVAL_LABELS, METRICS, metricTooltip } from '../catalog/metrics.ts';
import type { Dataset } from '../db/loadDataset.ts';
import { saeByIdQuery, saeValuesQuery } from '../query/saeQueries.ts';
import { useStore } from '../state/store.ts';
import { categoryLabel, formatValue } from '../views/encodings.ts';
import { provenanceOf, type SaeRow } from '../views/scatterSpec.ts';
import { useQuery } from './useQuery.ts';

interface SourceValue {
  eval_type: string; metric_category: string; metric: string; value: number | null;
  provenance: string; source_repo: string; source_ref: string; source_path: string; note: string | null;
}

function AllValues({ dataset, saeId }: { dataset: Dataset; saeId: string }) {
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    dataset.loadValues().then(() => setReady(true), (e: unknown) => setError(String(e)));
  }, [dataset]);
  const query = useMemo(() => (ready ? saeValuesQuery(saeId) : null), [ready, saeId]);
  const { rows } = useQuery<SourceValue & Record<string, unknown>>(dataset.coordinator, query);
  if (error) return <p className="error">Could not load source values: {error}</p>;
  if (!rows) return <p role="status">Loading source values…</p>;
  return (
    <table className="kv small">
      <thead><tr><th>Eval</th><th>Metric</th><th>Value</th><th>Provenance</th><th>Source</th></tr></thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            <td>{r.eval_type}</td>
            <td>{r.metric_category}.{r.metric}</td>
            <td>{formatValue(r.value)}</td>
            <td title={PROVENANCE_LABELS[r.provenance] ?? r.provenance}>{r.provenance}</td>
            <td title={`${r.source_repo}@${r.source_ref}: ${r.source_path}${r.note ? ` (${r.note})` : ''}`}>{r.source_repo}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DetailPanel({ dataset }: { dataset: Dataset }) {
  const sel = useStore((s) => s.view.sel);
  const update = useStore((s) => s.update);
  const query = useMemo(() => (sel ? saeByIdQuery(sel) : null), [sel]);
  const { rows } = useQuery<SaeRow>(dataset.coordinator, query);
  const [showSources, setShowSources] = useState(false);
  const row = sel ? rows?.find((r) => r.sae_id === sel) : undefined;
  if (!sel || !row) return null;
  return (
    <aside className="detail" aria-label="Selected SAE" data-testid="detail-panel">
      <div className="detail-head">
        <h2 data-testid="detail-sae-id">{String(row.sae_id)}</h2>
        <button type="button" onClick={() => update({ sel: null })} aria-label="Close details">×</button>
      </div>
      <h3>Configuration</h3>
      <table className="kv">
        <tbody>
          {IDENTITY_COLUMNS.filter((c) => c.id !== 'sae_id' && row[c.id] !== null).map((c) => (
            <tr key={c.id}><th title={c.description}>{c.label}</th><td>{categoryLabel(c.id, row[c.id])}</td></tr>
          ))}
        </tbody>
      </table>
      <h3>Metrics</h3>
      <table className="kv">
        <tbody>
          {METRICS.filter((d) => row[d.id] !== null && row[d.id] !== undefined).map((d) => (
            <tr key={d.id} data-metric={d.id}>
              <th title={metricTooltip(d)}>{d.label} <span className="muted">({EVAL_LABELS[d.eval]})</span></th>
              <td>{formatValue(row[d.id])}</td>
              <td className="muted" title={PROVENANCE_LABELS[provenanceOf(row, d)]}>{provenanceOf(row, d)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => setShowSources((v) => !v)} aria-expanded={showSources}>
        {showSources ? 'Hide' : 'Show'} every value with its source
      </button>
      {showSources && <AllValues dataset={dataset} saeId={sel} />}
    </aside>
  );
}
