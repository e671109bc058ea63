// "Re-score an SAE": pick a synthetic demo or drop your own SAE + activation bundle, choose an engine,
// watch progress (tokens/s), cancel, compare with the dataset, add the result to the plot.
import { useEffect, useRef, useState } from 'react';
import { metricById } from '../../catalog/metrics.ts';
import { rowsFromFrame } from '../../data/frame.ts';
import { saeByIdQuery } from '../../query/saeQueries.ts';
import { useAppData } from '../AppData.tsx';
import type { RescoreProgress } from '../../rescore/types.ts';
import { useStore } from '../../state/store.ts';
import { useRescoreResult } from '../../state/rescoreResult.ts';
import { useUserPoints } from '../../state/userPoints.ts';
import { formatValue } from '../../views/encodings.ts';
import { DensityHistogram } from './DensityHistogram.tsx';
import { listDemos, loadDemo, type DemoEntry } from './demos.ts';
import { startRescore, type EngineChoice, type RescoreInputs, type RunningRescore } from './runRescore.ts';

const SHOWN = ['l0', 'l1', 'mse', 'mse_corrected', 'explained_variance_legacy', 'explained_variance', 'explained_variance_corrected',
  'cossim', 'l2_norm_in', 'l2_norm_out', 'l2_ratio', 'relative_reconstruction_bias', 'frac_alive'];
/** Labels of the re-scored core values that are not columns of the dataset (SAEBench's other core outputs). */
const EXTRA_LABELS: Record<string, string> = {
  l1: 'L1', mse_corrected: 'MSE (corrected)', explained_variance_legacy: 'Explained variance (legacy formula)',
  explained_variance_corrected: 'Explained variance (corrected)', l2_norm_in: 'L2 norm in', l2_norm_out: 'L2 norm out',
  relative_reconstruction_bias: 'Relative reconstruction bias',
};
const GROUND_TRUTH_LABELS: Record<string, string> = {
  mcc: 'MCC with the true features', uniqueness: 'Uniqueness', mean_f1: 'Mean F1', l0: 'L0 (trained)', true_l0: 'True L0 of the data',
  explained_variance_synth: 'Explained variance (training data)',
};
/** Re-scored metrics that can go on the scatter's Y, most widely shared first. */
const PLOTTABLE = ['explained_variance', 'cossim', 'mse', 'l2_ratio', 'frac_alive'];

/** Larger files than this are refused before reading: the engines hold several copies of the weights, so a
 * 1 GiB file would need several GiB of memory in the tab. */
const MAX_RESCORE_FILE_BYTES = 1024 * 2 ** 20;

async function readFiles(list: FileList | null): Promise<Map<string, Uint8Array>> {
  const files = [...(list ?? [])];
  const big = files.find((f) => f.size > MAX_RESCORE_FILE_BYTES);
  if (big) throw new Error(`${big.name} is ${(big.size / 2 ** 20).toFixed(0)} MiB; the page re-scores files up to ${MAX_RESCORE_FILE_BYTES / 2 ** 20} MiB (use npm run rescore for larger SAEs)`);
  return new Map(await Promise.all(files.map(async (f) => [f.name, await readFile(f)] as [string, Uint8Array])));
}

async function readFile(f: File): Promise<Uint8Array> {
  try {
    return new Uint8Array(await f.arrayBuffer());
  } catch {
    // The browser only says NotReadableError, with a message about permissions.
    throw new Error(`${f.name} could not be read: it was moved, deleted or changed after it was chosen. Choose it again.`);
  }
}

export function RescorePanel() {
  const { coordinator, info } = useAppData();
  const [demos, setDemos] = useState<DemoEntry[]>([]);
  const [demoName, setDemoName] = useState('');
  const [engine, setEngine] = useState<EngineChoice>('cpu');
  const [progress, setProgress] = useState<{ p: RescoreProgress; rate: number } | null>(null);
  const outcome = useRescoreResult((s) => s.shown);
  const setOutcome = useRescoreResult((s) => s.set);
  const [error, setError] = useState<string | null>(null);
  const running = useRef<RunningRescore | null>(null);
  // Set from the click until the run ends (files are read first): a second click cannot start a second run.
  const [starting, setStarting] = useState(false);
  const startingRef = useRef(false);
  // Leaving the view stops the workers, also those of a run still reading its files.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      running.current?.cancel();
    };
  }, []);
  const saeInput = useRef<HTMLInputElement>(null);
  const bundleInput = useRef<HTMLInputElement>(null);
  const addPoint = useUserPoints((s) => s.add);
  const update = useStore((s) => s.update);
  // Said before the click: an API without an adapter (no usable GPU) cannot run the WebGPU engine.
  const [gpu, setGpu] = useState<'checking' | 'yes' | 'no-api' | 'no-adapter'>('checking');
  useEffect(() => {
    const api = (navigator as Navigator & { gpu?: { requestAdapter: () => Promise<unknown> } }).gpu;
    if (!api) return setGpu('no-api');
    api.requestAdapter().then((a) => setGpu(a ? 'yes' : 'no-adapter'), () => setGpu('no-adapter'));
  }, []);
  const hasWebGpu = gpu === 'yes';

  useEffect(() => {
    listDemos().then((d) => {
      setDemos(d);
      setDemoName((n) => n || d[0]?.name || '');
    }, (e: unknown) => setError(String(e)));
  }, []);

  const run = async (inputs: RescoreInputs, synthetic: boolean, groundTruth: Record<string, number> | null = null) => {
    if (!mounted.current) return;
    setError(null);
    setOutcome(null);
    const t0 = performance.now();
    const handle = startRescore(engine, inputs, (p) => setProgress({ p, rate: p.tokensDone / Math.max(1e-3, (performance.now() - t0) / 1000) }));
    running.current = handle;
    try {
      const out = await handle.done;
      const rows = rowsFromFrame(await coordinator.query(saeByIdQuery(out.saeName)));
      setOutcome({ ...out, synthetic, datasetRow: rows[0] ?? null, groundTruth });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      running.current = null;
      setProgress(null);
    }
  };

  /** Runs one start at a time; a file that cannot be read is reported, not an uncaught error. */
  const once = async (start: () => Promise<void>) => {
    if (startingRef.current) return;
    startingRef.current = true;
    setStarting(true);
    try {
      await start();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      startingRef.current = false;
      setStarting(false);
    }
  };

  const runDemo = () => once(async () => {
    const demo = demos.find((d) => d.name === demoName);
    if (demo) await run({ name: demo.name, ...(await loadDemo(demo)) }, true, demo.ground_truth);
  });

  const runFiles = () => once(async () => {
    const saeFiles = await readFiles(saeInput.current?.files ?? null);
    const bundle = (await readFiles(bundleInput.current?.files ?? null)).values().next().value;
    if (!saeFiles.size || !bundle) {
      setError('Choose the SAE files (cfg.json + sae_weights.safetensors, or config.json + weights) and an activation bundle.');
      return;
    }
    await run({ name: [...saeFiles.keys()].join('+'), saeFiles, bundle }, false);
  });

  const addToPlot = () => {
    if (!outcome) return;
    const label = `${outcome.synthetic ? '[synthetic] ' : ''}${outcome.saeName}`;
    addPoint({ id: `user:${outcome.saeName}`, label, architecture: outcome.architecture, synthetic: outcome.synthetic, metrics: outcome.result.metrics });
    // Against the re-scored metric that most SAEs of the dataset have, so the point lands among them.
    const y = PLOTTABLE.filter((m) => Number.isFinite(outcome.result.metrics[m])).sort((a, b) => (info.metricTotals[b] ?? 0) - (info.metricTotals[a] ?? 0))[0] ?? 'explained_variance';
    update({ view: 'scatter', x: 'l0', y });
  };

  const busy = starting || progress !== null || running.current !== null;
  return (
    <section className="rescore" aria-label="Re-score an SAE">
      <h2>Re-score an SAE in the browser</h2>
      <p className="muted">
        Core metrics that need no language model (L0, MSE, explained variance, cosine similarity, density…) from SAE
        weights and cached activations. Demo SAEs are <strong>synthetic</strong>: trained on generated data with known
        ground truth, not real language-model SAEs.
      </p>
      <fieldset className="engine">
        <legend>Engine</legend>
        <label><input type="radio" name="engine" checked={engine === 'cpu'} onChange={() => setEngine('cpu')} /> CPU (Web Worker)</label>
        <label><input type="radio" name="engine" checked={engine === 'gpu'} disabled={!hasWebGpu} onChange={() => setEngine('gpu')} /> WebGPU</label>
        {gpu === 'checking' && <span className="muted"> Looking for a GPU…</span>}
        {gpu === 'no-api' && <span className="muted"> This browser has no WebGPU; the CPU engine runs.</span>}
        {gpu === 'no-adapter' && <span className="muted"> This browser has WebGPU but no usable GPU adapter; the CPU engine runs.</span>}
      </fieldset>
      <div className="rescore-inputs">
        <fieldset>
          <legend>Synthetic demo</legend>
          <label htmlFor="demo-select">Demo SAE</label>{' '}
          <select id="demo-select" value={demoName} onChange={(e) => setDemoName(e.target.value)}>
            {demos.map((d) => <option key={d.name} value={d.name}>{d.name} (synthetic)</option>)}
          </select>{' '}
          <button type="button" disabled={busy || !demoName} onClick={() => void runDemo()}>Re-score demo</button>
        </fieldset>
        <fieldset>
          <legend>Your files</legend>
          <label>SAE files <input ref={saeInput} type="file" multiple accept=".json,.safetensors" /></label>
          <label>Activation bundle <input ref={bundleInput} type="file" accept=".safetensors" /></label>
          <button type="button" disabled={busy} onClick={() => void runFiles()}>Re-score files</button>
        </fieldset>
      </div>
      {progress && (
        <div className="progress" role="status">
          <progress max={progress.p.tokensTotal} value={progress.p.tokensDone} aria-label="Re-scoring progress" />
          <span>{progress.p.phase}: {progress.p.tokensDone} / {progress.p.tokensTotal} tokens, {Math.round(progress.rate)} tokens/s</span>
          <button type="button" onClick={() => running.current?.cancel()}>Cancel</button>
        </div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      {outcome && (
        <div className="rescore-result" data-testid="rescore-result">
          <h3>{outcome.synthetic ? '[synthetic] ' : ''}{outcome.saeName} ({outcome.result.engine.toUpperCase()}, {outcome.result.tokens} tokens)</h3>
          <table className="kv">
            <thead><tr><th scope="col">Metric</th><th scope="col">Re-scored</th>{outcome.datasetRow && <th scope="col">Dataset value</th>}</tr></thead>
            <tbody>
              {SHOWN.filter((k) => k in outcome.result.metrics).map((k) => (
                <tr key={k} data-metric={k}>
                  <th scope="row" title={metricById(k)?.description ?? k}>{metricById(k)?.label ?? EXTRA_LABELS[k] ?? k} <span className="muted small-id">{k}</span></th>
                  <td>{formatValue(outcome.result.metrics[k])}</td>
                  {outcome.datasetRow && <td>{formatValue(outcome.datasetRow[k])}</td>}
                </tr>
              ))}
            </tbody>
          </table>
          {outcome.groundTruth && (
            <>
              <h4>Ground truth of this synthetic SAE (known because its data was generated)</h4>
              <table className="kv" data-testid="ground-truth">
                <tbody>
                  {Object.entries(outcome.groundTruth).map(([k, v]) => (
                    <tr key={k}><th scope="row">{GROUND_TRUTH_LABELS[k] ?? k}</th><td>{formatValue(v)}</td></tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {!outcome.datasetRow && <p className="muted">No SAE with this id in the dataset, so there is nothing to compare with.</p>}
          {outcome.result.notes.map((n, i) => <p key={i} className="muted">{n}</p>)}
          <button type="button" onClick={addToPlot}>Add to plot</button>
          <DensityHistogram density={outcome.result.perLatent.featureDensity} />
        </div>
      )}
    </section>
  );
}
