// The selected SAE: its configuration, every headline metric with provenance, and every value found
// in the sources (loaded on first use).
import { useEffect, useMemo, useRef, useState } from 'react';
import { IDENTITY_COLUMNS, PROVENANCE_LABELS, provenanceColumnOf } from '../catalog/columns.ts';
import { EVAL_LABELS, METRICS, metricTooltip } from '../catalog/metrics.ts';
import { rowsFromFrame } from '../data/frame.ts';
import { Priority } from '../db/coordinator.ts';
import { saeByIdQuery, saeValuesQuery } from '../query/saeQueries.ts';
import { useStore } from '../state/store.ts';
import { categoryLabel, formatValue } from '../views/encodings.ts';
import { useAppData } from './AppData.tsx';
import { useQueries } from './useQueries.ts';
import { NARROW } from './useMediaQuery.ts';

interface SourceValue {
  eval_type: string; metric_category: string; metric: string; value: number | null;
  provenance: string; source_repo: string; source_ref: string; source_path: string; note: string | null;
}

function AllValues({ saeId }: { saeId: string }) {
  const { loadValues } = useAppData();
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadValues().then(() => setReady(true), (e: unknown) => setError(String(e)));
  }, [loadValues]);
  const queries = useMemo(() => (ready ? { values: saeValuesQuery(saeId) } : null), [ready, saeId]);
  const { data } = useQueries('detail-values', queries, saeId, Priority.Panel);
  const rows = useMemo(() => (data?.values ? (rowsFromFrame(data.values) as unknown as SourceValue[]) : null), [data]);
  if (error) return <p className="error">Could not load source values: {error}</p>;
  if (!rows) return <p role="status">Loading source values…</p>;
  return (
    <div className="table-scroll sources">
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
    </div>
  );
}

export function DetailPanel() {
  const sel = useStore((s) => s.view.sel);
  const cmp = useStore((s) => s.view.cmp);
  const update = useStore((s) => s.update);
  const queries = useMemo(() => (sel ? { sae: saeByIdQuery(sel) } : null), [sel]);
  const { data } = useQueries('detail', queries, sel, Priority.Panel);
  const [showSources, setShowSources] = useState(false);
  const row = sel && data?.sae ? rowsFromFrame(data.sae).find((r) => r.sae_id === sel) : undefined;
  const heading = useRef<HTMLHeadingElement>(null);
  const shownId = row ? String(row.sae_id) : null;
  // The keyboard lands on the SAE it picked; in the one-column layout the details sit below the view.
  useEffect(() => {
    if (!shownId || !heading.current) return;
    heading.current.focus({ preventScroll: true });
    if (window.matchMedia(NARROW).matches) heading.current.scrollIntoView({ block: 'start' });
  }, [shownId]);
  if (!sel || !row) return null;
  return (
    <aside className="detail" aria-label="Selected SAE" data-testid="detail-panel">
      <div className="detail-head">
        <h2 data-testid="detail-sae-id" ref={heading} tabIndex={-1}>{String(row.sae_id)}</h2>
        <button type="button" onClick={() => update({ sel: null })} aria-label="Close details" title="Close (Escape)">×</button>
      </div>
      {row.is_user === 1 && <p className="muted"><b>Yours</b>: added in this browser; a shared link does not carry it.</p>}
      <button type="button" onClick={() => update({ view: 'compare', cmp: [...new Set([...cmp, sel])].slice(-4) })}>Compare{cmp.length ? ` (with ${cmp.filter((c) => c !== sel).length} others)` : ''}</button>
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
              <th title={metricTooltip(d)}>{d.label}{!d.label.toLowerCase().includes(EVAL_LABELS[d.eval].toLowerCase()) && <span className="muted"> ({EVAL_LABELS[d.eval]})</span>}</th>
              <td>{formatValue(row[d.id])}</td>
              <td className="muted" title={PROVENANCE_LABELS[String(row[provenanceColumnOf(d.id)] ?? 'unknown')]}>{String(row[provenanceColumnOf(d.id)] ?? 'unknown')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => setShowSources((v) => !v)} aria-expanded={showSources}>
        {showSources ? 'Hide' : 'Show'} every value with its source
      </button>
      {showSources && <AllValues saeId={sel} />}
    </aside>
  );
}
