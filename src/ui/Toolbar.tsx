// View switch (tabs with arrow keys), presets, an export menu and the link on the first row; the current view's
// controls on the second (behind a disclosure on narrow screens).
import { useState } from 'react';
import type { Frame } from '../data/frame.ts';
import { toCsv } from '../export/csv.ts';
import { downloadText, exportFileName } from '../export/download.ts';
import { useStore } from '../state/store.ts';
import { useUserResults } from '../state/userResults.ts';
import { VIEWS, type ViewState } from '../state/viewState.ts';
import { VIEW_DEFS } from '../views/registry.ts';
import { useAppData } from './AppData.tsx';
import { FigureExport } from './FigureExport.tsx';
import { PresetMenu } from './PresetMenu.tsx';
import { useMediaQuery, NARROW } from './useMediaQuery.ts';
import { ViewControls } from './ViewControls.tsx';

/** `children`: buttons the layout adds to the first row (the filters toggle on narrow screens). */
export function Toolbar({ model, state, counts, children }: { model: unknown; state: ViewState | null; counts: Frame | null; children?: React.ReactNode }) {
  const { coordinator } = useAppData();
  const view = useStore((s) => s.view);
  const update = useStore((s) => s.update);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const def = VIEW_DEFS[view.view];
  const fileParts = def.fileParts(view);

  const userSaes = useUserResults((s) => s.saes.length);
  const copyLink = () => {
    const done = (r: 'copied' | 'failed') => {
      setCopied(r);
      setTimeout(() => setCopied(null), 6000);
    };
    if (navigator.clipboard) void navigator.clipboard.writeText(window.location.href).then(() => done('copied'), () => done('failed'));
    else done('failed');
  };
  const download = async (format: 'csv' | 'json') => {
    if (!model || !state) return;
    try {
      const out = await VIEW_DEFS[state.view].exportRows(model, state, (q) => coordinator.query(q));
      const name = exportFileName(VIEW_DEFS[state.view].fileParts(state), format);
      if (format === 'csv') downloadText(name, toCsv(out.columns, out.rows), 'text/csv');
      else downloadText(name, JSON.stringify(out.rows, null, 1), 'application/json');
      setError(null);
    } catch (e) {
      setError(`Download failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const canExport = model !== null && state !== null && view.view !== 'rescore';

  const narrow = useMediaQuery(NARROW);
  // Arrow keys move between the view tabs (the ARIA tabs pattern); only the selected tab is in the tab order.
  const onTabKey = (e: React.KeyboardEvent) => {
    const i = VIEWS.indexOf(view.view);
    const next = e.key === 'ArrowRight' ? (i + 1) % VIEWS.length : e.key === 'ArrowLeft' ? (i - 1 + VIEWS.length) % VIEWS.length
      : e.key === 'Home' ? 0 : e.key === 'End' ? VIEWS.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    update({ view: VIEWS[next]! });
    requestAnimationFrame(() => document.getElementById(`tab-${VIEWS[next]}`)?.focus());
  };
  const exports = (
    <details className="export-menu">
      <summary>Export</summary>
      <div className="export-popover" role="group" aria-label="Export">
        {view.view !== 'rescore' && (
          <span className="export-line">
            <span className="muted">Data</span>
            <button type="button" disabled={!canExport} onClick={() => void download('csv')} aria-label="Download CSV">CSV</button>
            <button type="button" disabled={!canExport} onClick={() => void download('json')} aria-label="Download JSON">JSON</button>
          </span>
        )}
        {def.figure && <FigureExport fileParts={fileParts} plotly={view.view !== 'agreement' && view.view !== 'coverage'} />}
        {view.view === 'rescore' && <span className="muted">This view has nothing to export.</span>}
        {error && <span className="error" role="alert">{error}</span>}
      </div>
    </details>
  );
  const share = (
    <>
      <button type="button" onClick={copyLink}>{copied === 'copied' ? 'Link copied' : 'Copy link'}</button>
      {copied && (
        <span role="status" className="muted" data-testid="link-note">
          {copied === 'failed' && 'The browser refused to copy: copy the address bar instead. '}
          {userSaes > 0 && `The link does not carry your ${userSaes} added SAE${userSaes === 1 ? '' : 's'}: they live in this browser only, so they are not in the link.`}
        </span>
      )}
    </>
  );
  const controls = <ViewControls controls={def.controls} counts={counts} />;

  return (
    <nav className="toolbar" aria-label="Views and controls">
      <div className="toolbar-row">
        <div className="tabs" role="tablist" aria-label="View" onKeyDown={onTabKey}>
          {VIEWS.map((v) => (
            <button key={v} id={`tab-${v}`} type="button" role="tab" aria-selected={view.view === v} tabIndex={view.view === v ? 0 : -1} onClick={() => update({ view: v })}>
              {VIEW_DEFS[v].label}
            </button>
          ))}
        </div>
        <PresetMenu />
        {children}
        <span className="spacer" />
        {exports}
        {share}
      </div>
      {narrow ? (
        <details className="view-options">
          <summary>Axes and options</summary>
          <div className="toolbar-row">{controls}</div>
        </details>
      ) : (
        <div className="toolbar-row">{controls}</div>
      )}
    </nav>
  );
}
