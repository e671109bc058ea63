// View switch, presets, the current view's controls and exports.
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
import { ViewControls } from './ViewControls.tsx';

export function Toolbar({ model, state, counts }: { model: unknown; state: ViewState | null; counts: Frame | null }) {
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

  return (
    <div className="toolbar" role="toolbar" aria-label="View controls">
      <div className="tabs" role="tablist" aria-label="View">
        {VIEWS.map((v) => (
          <button key={v} type="button" role="tab" aria-selected={view.view === v} onClick={() => update({ view: v })}>
            {VIEW_DEFS[v].label}
          </button>
        ))}
      </div>
      <PresetMenu />
      <ViewControls controls={def.controls} counts={counts} />
      <span className="spacer" />
      {view.view !== 'rescore' && (
        <>
          <button type="button" disabled={!canExport} onClick={() => void download('csv')}>Download CSV</button>
          <button type="button" disabled={!canExport} onClick={() => void download('json')}>Download JSON</button>
        </>
      )}
      {def.figure && <FigureExport fileParts={fileParts} />}
      <button type="button" onClick={copyLink}>{copied === 'copied' ? 'Link copied' : 'Copy link'}</button>
      {copied && (
        <span role="status" className="muted" data-testid="link-note">
          {copied === 'failed' && 'The browser refused to copy: copy the address bar instead. '}
          {userSaes > 0 && `The link does not carry your ${userSaes} added SAE${userSaes === 1 ? '' : 's'}: they live in this browser only, so they are not in the link.`}
        </span>
      )}
      {error && <span className="error" role="alert">{error}</span>}
    </div>
  );
}
