// Boot: start DuckDB once, load the data, restore the view from the URL; then the explorer.
import { useEffect, useState } from 'react';
import { loadDataset, type Dataset } from '../db/loadDataset.ts';
import { startUrlSync } from '../state/urlSync.ts';
import { Explorer } from './Explorer.tsx';
import { ErrorPanel } from './ErrorPanel.tsx';

// Module-level so React StrictMode's double effect does not start DuckDB twice.
let booting: Promise<Dataset> | null = null;

export function App() {
  const [dataset, setDataset] = useState<Dataset | null>(null);
  const [step, setStep] = useState('Starting…');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    booting ??= loadDataset(setStep);
    let stopSync: (() => void) | null = null;
    booting.then(
      (d) => {
        stopSync = startUrlSync(d.domains);
        performance.mark('saebench:data-ready');
        setDataset(d);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
    return () => stopSync?.();
  }, []);

  if (error) return <ErrorPanel title="The explorer could not start" message={error} />;
  if (!dataset) {
    return (
      <div className="loading" role="status" aria-live="polite">
        <div className="spinner" aria-hidden="true" />
        <p>{step}</p>
      </div>
    );
  }
  return <Explorer dataset={dataset} />;
}
