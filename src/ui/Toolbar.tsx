// View switch, presets, the current view's controls and exports.
import { useState } from 'react';
import { toCsv } from '../export/csv.ts';
import { downloadText, exportFileName } from '../export/download.ts';
import { useStore } from '../state/store.ts';
import type { Domains } from '../state/urlCodec.ts';
import { VIEWS, type ViewKind } from '../state/viewState.ts';
import type { SaeRow } from '../views/groups.ts';
import { viewExport } from '../views/viewExport.ts';
import { FigureExport } from './FigureExport.tsx';
import { PresetMenu } from './PresetMenu.tsx';
import { ViewControls } from './ViewControls.tsx';

const VIEW_LABELS: Record<ViewKind, string> = {
  scatter: 'Scatter', pareto: 'Pareto', scaling: 'Scaling', grid: 'All metrics', agreement: 'Agreement',
  coverage: 'Coverage', table: 'Table', rescore: 'Re-score an SAE',
};
const FIGURE_VIEWS: ReadonlySet<ViewKind> = new Set(['scatter', 'pareto', 'scaling', 'grid', 'agreement', 'coverage']);

export function Toolbar({ rows, domains }: { rows: SaeRow[] | null; domains: Domains }) {
  const view = useStore((s) => s.view);
  const update = useStore((s) => s.update);
  const [copied, setCopied] = useState(false);
  const fileParts = [view.view, view.y, 'vs', view.x, ...view.model, ...view.arch];

  const copyLink = () => {
    void navigator.clipboard?.writeText(window.location.href).then(() => setCopied(true), () => setCopied(false));
    setTimeout(() => setCopied(false), 1500);
  };
  const download = (format: 'csv' | 'json') => {
    if (!rows) return;
    const out = viewExport(view, rows);
    const name = exportFileName(fileParts, format);
    if (format === 'csv') downloadText(name, toCsv(out.columns, out.rows), 'text/csv');
    else downloadText(name, JSON.stringify(out.rows, null, 1), 'application/json');
  };

  return (
    <div className="toolbar" role="toolbar" aria-label="View controls">
      <div className="tabs" role="tablist" aria-label="View">
        {VIEWS.map((v) => (
          <button key={v} type="button" role="tab" aria-selected={view.view === v} onClick={() => update({ view: v })}>
            {VIEW_LABELS[v]}
          </button>
        ))}
      </div>
      <PresetMenu domains={domains} />
      <ViewControls />
      <span className="spacer" />
      <button type="button" disabled={!rows} onClick={() => download('csv')}>Download CSV</button>
      <button type="button" disabled={!rows} onClick={() => download('json')}>Download JSON</button>
      {FIGURE_VIEWS.has(view.view) && <FigureExport fileParts={fileParts} />}
      <button type="button" onClick={copyLink}>{copied ? 'Link copied' : 'Copy link'}</button>
    </div>
  );
}
