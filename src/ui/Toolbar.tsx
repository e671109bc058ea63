// View switch, axes, colour, log flags and exports.
import { useState } from 'react';
import { COLOR_COLUMNS } from '../catalog/columns.ts';
import { toCsv } from '../export/csv.ts';
import { downloadText, exportFileName } from '../export/download.ts';
import { exportColumns } from '../views/tableSpec.ts';
import { VIEWS, type ViewKind } from '../state/viewState.ts';
import { useStore } from '../state/store.ts';
import { COLOR_COLUMN_LABELS } from '../views/encodings.ts';
import type { SaeRow } from '../views/scatterSpec.ts';
import { MetricSelect } from './MetricSelect.tsx';

const VIEW_LABELS: Record<ViewKind, string> = { scatter: 'Scatter', table: 'Table', rescore: 'Re-score an SAE' };

export function Toolbar({ rows }: { rows: SaeRow[] | null }) {
  const view = useStore((s) => s.view);
  const update = useStore((s) => s.update);
  const [copied, setCopied] = useState(false);
  const fileParts = [view.view, view.y, 'vs', view.x, ...view.model, ...view.arch];

  const copyLink = () => {
    void navigator.clipboard?.writeText(window.location.href).then(() => setCopied(true), () => setCopied(false));
    setTimeout(() => setCopied(false), 1500);
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
      <MetricSelect label="X" value={view.x} onChange={(x) => update({ x })} />
      <label className="check"><input type="checkbox" checked={view.logx} onChange={(e) => update({ logx: e.target.checked })} /> log X</label>
      <MetricSelect label="Y" value={view.y} onChange={(y) => update({ y })} />
      <label className="check"><input type="checkbox" checked={view.logy} onChange={(e) => update({ logy: e.target.checked })} /> log Y</label>
      <MetricSelect
        label="Colour"
        value={view.color}
        onChange={(color) => update({ color })}
        extraOptions={COLOR_COLUMNS.map((c) => ({ value: c, label: COLOR_COLUMN_LABELS[c] ?? c }))}
      />
      <span className="spacer" />
      <button type="button" disabled={!rows} onClick={() => rows && downloadText(exportFileName(fileParts, 'csv'), toCsv(exportColumns(), rows), 'text/csv')}>
        Download CSV
      </button>
      <button type="button" disabled={!rows} onClick={() => rows && downloadText(exportFileName(fileParts, 'json'), JSON.stringify(rows, null, 1), 'application/json')}>
        Download JSON
      </button>
      <button type="button" onClick={copyLink}>{copied ? 'Link copied' : 'Copy link'}</button>
    </div>
  );
}
