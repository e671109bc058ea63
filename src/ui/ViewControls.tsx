// The controls of the current view (axes, grouping, toggles, windows), as its registry entry lists them.
import { COLOR_COLUMNS } from '../catalog/columns.ts';
import type { Frame } from '../data/frame.ts';
import { useStore } from '../state/store.ts';
import { FACET_COLUMNS, SCALING_AXES, type FacetColumn, type ScalingAxis, type ViewState } from '../state/viewState.ts';
import { COLOR_COLUMN_LABELS } from '../views/encodings.ts';
import type { Control } from '../views/registry.ts';
import { SCALING_AXIS_LABELS } from '../views/scalingSpec.ts';
import { MetricSelect } from './MetricSelect.tsx';
import { NumberInput } from './NumberInput.tsx';

const SCALE_SHORT: Record<ScalingAxis, string> = { dict_size: 'Width', training_tokens: 'Training tokens', layer: 'Layer' };

type Flag = 'lines' | 'fonly' | 'baselines' | 'partial' | 'pool';
const FLAG_LABELS: Record<Flag, [string, string]> = {
  lines: ['Lines per sweep', 'Connect the SAEs of each sweep (one model, layer, width and architecture) in X order, as the SAEBench paper figures do; never across sweeps'],
  fonly: ['Frontier only', 'Hide the dominated points'],
  baselines: ['Baselines', 'Draw the PCA baseline of each model and layer in view as a reference (a dense reconstruction, L0 = d_model)'],
  partial: ['Control for log L0', 'Partial Spearman correlation: what two metrics share beyond their common dependence on sparsity'],
  pool: ['Pool models and layers', 'Average the SAEs of several models and layers into one curve per group (off: one curve per model and layer)'],
};

function FlagToggle({ flag, view }: { flag: Flag; view: ViewState }) {
  const update = useStore((s) => s.update);
  const [label, title] = FLAG_LABELS[flag];
  return (
    <label className="check" title={title}>
      <input type="checkbox" checked={view[flag]} onChange={(e) => update({ [flag]: e.target.checked })} /> {label}
    </label>
  );
}

export function ViewControls({ controls, counts }: { controls: readonly Control[]; counts: Frame | null }) {
  const view = useStore((s) => s.view);
  const update = useStore((s) => s.update);
  const show = new Set(controls);
  const colorLabel = view.view === 'scatter' || view.view === 'table' ? 'Colour' : 'Group by';
  return (
    <>
      {show.has('x') && <MetricSelect label="X" value={view.x} onChange={(x) => update({ x })} withConfig counts={counts} />}
      {show.has('log') && <label className="check"><input type="checkbox" checked={view.logx} onChange={(e) => update({ logx: e.target.checked })} /> log X</label>}
      {show.has('y') && <MetricSelect label="Y" value={view.y} onChange={(y) => update({ y })} withConfig counts={counts} />}
      {show.has('log') && <label className="check"><input type="checkbox" checked={view.logy} onChange={(e) => update({ logy: e.target.checked })} /> log Y</label>}
      {show.has('color') && (
        <MetricSelect
          label={colorLabel}
          value={view.color}
          onChange={(color) => update({ color })}
          counts={counts}
          extraOptions={COLOR_COLUMNS.map((c) => ({ value: c, label: COLOR_COLUMN_LABELS[c] ?? c }))}
          extraHelp={(c) => `One colour (and marker shape) per ${(COLOR_COLUMN_LABELS[c] ?? c).toLowerCase()}; lines and frontiers stay per sweep. Choose a metric to colour points by its value instead (shape then shows the architecture).`}
        />
      )}
      {show.has('facet') && (
        <label className="field" title="Small multiples: one panel per value, shared axes, one legend">
          Panels
          <select value={view.facet} onChange={(e) => update({ facet: e.target.value as FacetColumn })} aria-label="Panels: one per value of">
            {FACET_COLUMNS.map((c) => <option key={c} value={c}>{c ? `one per ${(COLOR_COLUMN_LABELS[c] ?? c).toLowerCase()}` : 'one plot'}</option>)}
          </select>
        </label>
      )}
      {show.has('scale') && (
        <label className="field">
          Scale along
          <select value={view.scale} onChange={(e) => update({ scale: e.target.value as ScalingAxis })}>
            {SCALING_AXES.map((a) => <option key={a} value={a} title={SCALING_AXIS_LABELS[a]}>{SCALE_SHORT[a]}</option>)}
          </select>
        </label>
      )}
      {show.has('window') && (
        <span className="field" title="Each point averages one sweep's SAEs whose L0 lies in this window (the paper uses 40 to 200; the default lower edge 36 sits below the k = 40 trainers instead of on them)">
          L0 window
          <NumberInput label="L0 window minimum" value={view.wmin} onCommit={(v) => v !== null && update({ wmin: v })} />
          –
          <NumberInput label="L0 window maximum" value={view.wmax} onCommit={(v) => v !== null && update({ wmax: v })} />
        </span>
      )}
      {(['lines', 'fonly', 'baselines', 'pool', 'partial'] as const).filter((f) => show.has(f)).map((f) => <FlagToggle key={f} flag={f} view={view} />)}
    </>
  );
}
