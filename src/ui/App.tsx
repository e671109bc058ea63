// Boot: the manifest and the initial view's prefetched answers first (the first chart needs nothing else),
// DuckDB in parallel; then the explorer, with the view restored from the URL. A dataset from another origin
// loads only after the user agrees; one that fails to load leaves the bundled data in place, with the reason.
import { useEffect, useRef, useState } from 'react';
import { loadInfo, seedPrefetched, startDatabase, type StartedDatabase } from '../db/boot.ts';
import { loadSavedImport } from '../db/savedImport.ts';
import { Coordinator } from '../db/coordinator.ts';
import { bundledLocation, datasetLocation, type DatasetLocation } from '../db/datasetLocation.ts';
import { useStore } from '../state/store.ts';
import { decodeUrl } from '../state/urlCodec.ts';
import { startUrlSync } from '../state/urlSync.ts';
import { panelQueries, VIEW_DEFS } from '../views/registry.ts';
import { AppDataProvider, useAppData, type AppData } from './AppData.tsx';
import { ErrorPanel } from './ErrorPanel.tsx';
import { Explorer } from './Explorer.tsx';

interface Booted {
  data: Omit<AppData, 'info' | 'setInfo'> & { info: AppData['info'] };
  database: Promise<StartedDatabase>;
  /** Said once the explorer shows (e.g. why a dataset by URL did not load). */
  notice: string | null;
}

/** Resolves when the first chart or table has been drawn, or after 1.5 s (a view without either). */
function firstPaint(): Promise<void> {
  return new Promise((resolve) => {
    const painted = () => performance.getEntriesByName('saebench:first-chart').length + performance.getEntriesByName('saebench:table-filled').length > 0;
    const timer = setInterval(() => painted() && done(), 20);
    const fallback = setTimeout(() => done(), 1500);
    function done() {
      clearInterval(timer);
      clearTimeout(fallback);
      resolve();
    }
  });
}

async function boot(loc: DatasetLocation, onStep: (step: string) => void): Promise<Booted> {
  const coordinator = new Coordinator();
  const infoPromise = loadInfo(loc.base);
  let info;
  try {
    info = await infoPromise;
  } catch (e) {
    if (loc.given === null) throw e;
    const fallback = await boot(bundledLocation(), onStep);
    return { ...fallback, notice: `Could not load the dataset at ${loc.given}: ${e instanceof Error ? e.message : String(e)}. Showing the bundled SAEBench data.` };
  }
  // DuckDB starts once the first view has drawn from the prefetched answers: compiling its 34 MB of wasm
  // competes for the CPU with the first draw, and nothing on screen needs it before a change.
  const database = firstPaint().then(() => startDatabase(coordinator, loc.base, onStep));
  database.then(() => performance.mark('saebench:data-ready'), () => undefined);
  const { state } = decodeUrl(window.location.search, info.domains);
  const initial = [...Object.values(VIEW_DEFS[state.view].queries(state, info) ?? {}), ...Object.values(panelQueries(state))];
  await seedPrefetched(coordinator, info, loc.base, initial);
  return { data: { coordinator, info, database, loadValues: () => database.then((d) => d.loadValues()) }, database, notice: null };
}

// Module-level so React StrictMode's double effect does not start DuckDB twice.
let booting: Promise<Booted> | null = null;

/** Puts back the results the user added in an earlier visit, once DuckDB is up. */
function RestoreSavedResults() {
  const app = useAppData();
  useEffect(() => {
    let live = true;
    void app.database.then(() => loadSavedImport()).then(async (saved) => {
      if (!live || !saved) return;
      const { restore } = await import('./imports/importController.ts');
      await restore({ database: app.database, info: app.info, setInfo: app.setInfo }, saved);
    }, () => undefined);
    return () => {
      live = false;
    };
    // Once per page: the restored results change `info`, which must not restore them again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return null;
}

function ConfirmDataset({ loc, onAnswer }: { loc: DatasetLocation; onAnswer: (load: boolean) => void }) {
  return (
    <div className="confirm-dataset" role="dialog" aria-labelledby="confirm-title" aria-modal="true">
      <h2 id="confirm-title">Load a dataset from another site?</h2>
      <p>This link asks to load SAE results from <code>{loc.base}</code>, which is not this site. Nothing has been fetched from it yet.</p>
      <button type="button" onClick={() => onAnswer(true)} autoFocus>Load it</button>{' '}
      <button type="button" onClick={() => onAnswer(false)}>No, show the bundled SAEBench data</button>
    </div>
  );
}

export function App() {
  const [booted, setBooted] = useState<Booted | null>(null);
  const [info, setInfo] = useState<AppData['info'] | null>(null);
  const infoRef = useRef(info);
  infoRef.current = info;
  const [step, setStep] = useState('Starting…');
  const [error, setError] = useState<string | null>(null);
  const [dbError, setDbError] = useState<string | null>(null);
  const [dbReady, setDbReady] = useState(false);
  const requested = datasetLocation(window.location.search, window.location.href);
  const [loc, setLoc] = useState<DatasetLocation | null>(requested?.foreign ? null : (requested ?? bundledLocation()));

  useEffect(() => {
    if (!loc) return;
    booting ??= boot(loc, setStep);
    let stopSync: (() => void) | null = null;
    booting.then(
      (b) => {
        stopSync = startUrlSync(() => (infoRef.current ?? b.data.info).domains);
        if (b.notice) useStore.getState().setNotices([b.notice, ...useStore.getState().notices]);
        setInfo(b.data.info);
        setBooted(b);
        b.database.then(() => setDbReady(true), (e: unknown) => setDbError(e instanceof Error ? e.message : String(e)));
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
    return () => stopSync?.();
  }, [loc]);

  if (!loc && requested) {
    return <ConfirmDataset loc={requested} onAnswer={(load) => {
      if (!load) {
        const url = new URL(window.location.href);
        url.searchParams.delete('data');
        window.history.replaceState(null, '', url);
      }
      setLoc(load ? requested : bundledLocation());
    }} />;
  }
  if (error) return <ErrorPanel title="The explorer could not start" message={error} />;
  if (!booted || !info) {
    return (
      <div className="loading" role="status" aria-live="polite">
        <div className="spinner" aria-hidden="true" />
        <p>{step}</p>
      </div>
    );
  }
  return (
    <AppDataProvider value={{ ...booted.data, info, setInfo }}>
      <RestoreSavedResults />
      {dbError && (
        <div className="error-panel" role="alert">
          <b>The database could not start:</b> {dbError}. What is on screen was computed when the site was built;
          filters and other views need the database. Reload to try again.
        </div>
      )}
      {!dbReady && !dbError && <div className="db-status" role="status" aria-live="polite">{step}</div>}
      <Explorer />
    </AppDataProvider>
  );
}
