// Boot: the manifest and the initial view's prefetched answers first (the first chart needs nothing else),
// DuckDB in parallel; then the explorer, with the view restored from the URL.
import { useEffect, useState } from 'react';
import { loadInfo, seedPrefetched, startDatabase } from '../db/boot.ts';
import { Coordinator } from '../db/coordinator.ts';
import { decodeUrl } from '../state/urlCodec.ts';
import { startUrlSync } from '../state/urlSync.ts';
import { panelQueries, VIEW_DEFS } from '../views/registry.ts';
import { AppDataProvider, type AppData } from './AppData.tsx';
import { ErrorPanel } from './ErrorPanel.tsx';
import { Explorer } from './Explorer.tsx';

interface Booted {
  data: AppData;
  database: Promise<unknown>;
}

async function boot(onStep: (step: string) => void): Promise<Booted> {
  const base = `${import.meta.env.BASE_URL}data/`;
  const coordinator = new Coordinator();
  const infoPromise = loadInfo(base);
  // DuckDB's wasm is fetched in parallel with the manifest and the first render.
  const database = startDatabase(coordinator, base, onStep);
  database.then(() => performance.mark('saebench:data-ready'), () => undefined);
  const info = await infoPromise;
  const { state } = decodeUrl(window.location.search, info.domains);
  const initial = [...Object.values(VIEW_DEFS[state.view].queries(state) ?? {}), ...Object.values(panelQueries(state))];
  await seedPrefetched(coordinator, info, base, initial);
  return { data: { coordinator, info, loadValues: () => database.then((d) => d.loadValues()) }, database };
}

// Module-level so React StrictMode's double effect does not start DuckDB twice.
let booting: Promise<Booted> | null = null;

export function App() {
  const [booted, setBooted] = useState<Booted | null>(null);
  const [step, setStep] = useState('Starting…');
  const [error, setError] = useState<string | null>(null);
  const [dbError, setDbError] = useState<string | null>(null);

  useEffect(() => {
    booting ??= boot(setStep);
    let stopSync: (() => void) | null = null;
    booting.then(
      (b) => {
        stopSync = startUrlSync(b.data.info.domains);
        setBooted(b);
        b.database.catch((e: unknown) => setDbError(e instanceof Error ? e.message : String(e)));
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
    return () => stopSync?.();
  }, []);

  if (error) return <ErrorPanel title="The explorer could not start" message={error} />;
  if (!booted) {
    return (
      <div className="loading" role="status" aria-live="polite">
        <div className="spinner" aria-hidden="true" />
        <p>{step}</p>
      </div>
    );
  }
  return (
    <AppDataProvider value={booted.data}>
      {dbError && (
        <div className="error-panel" role="alert">
          <b>The database could not start:</b> {dbError}. What is on screen was computed when the site was built;
          filters and other views need the database. Reload to try again.
        </div>
      )}
      <Explorer />
    </AppDataProvider>
  );
}
