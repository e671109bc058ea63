// The controls that apply to the current view (axes, grouping, toggles, windows).
import { COLOR_COLUMNS } from '../catalog/columns.ts';
import { useStore } from '../state/store.ts';
import { SCALING_AXES, type ScalingAxis, type ViewKind, type ViewState } from '../state/viewState.ts';
import { COLOR_COLUMN_LABELS } from '../views/encodings.ts';
import { SCALING_AXIS_LABELS } from '../views/scalingSpec.ts';
import { MetricSelect } from './MetricSelect.tsx';
import { NumberInput } from './NumberInput.tsx';

type Control = 'x' | 'y' | 'log' | 'color' | 'lines' | 'fonly' | 'baselines' | 'scale' | 'partial';

const CONTROLS: Record<ViewKind, Control[]> = {
  scatter: ['x', 'log', 'y', 'color', 'lines', 'baselines'],
  pareto: ['x', 'log', 'y', 'color', 'fonly', 'baselines'],
  scaling: ['y', 'color', 'scale', 'baselines'],
  grid: ['color', 'lines', 'baselines'],
  agreement: ['partial'],
  coverage: [],
  table: ['x', 'log', 'y'],
  rescore: [],
};

type Flag = 'lines' | 'fonly' | 'baselines' | 'partial';
const FLAG_LABELS: Record<Flag, [string, string]> = {
  lines: ['Lines per group', 'Connect each group’s points in X order, as the SAEBench paper figures do'],
  fonly: ['Frontier only', 'Hide the dominated points'],
  baselines: ['Baselines', 'Draw the PCA baseline of each model and layer in the filter as a reference'],
  partial: ['Control for log L0', 'Partial Spearman correlation: what two metrics share beyond their common dependence on sparsity'],
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

export function ViewControls() {
  const view = useStore((s) => s.view);
  const update = useStore((s) => s.update);
  const show = new Set(CONTROLS[view.view]);
  const colorLabel = view.view === 'scatter' || view.view === 'table' ? 'Colour' : 'Group by';
  return (
    <>
      {show.has('x') && <MetricSelect label="X" value={view.x} onChange={(x) => update({ x })} withConfig />}
      {show.has('log') && <label className="check"><input type="checkbox" checked={view.logx} onChange={(e) => update({ logx: e.target.checked })} /> log X</label>}
      {show.has('y') && <MetricSelect label="Y" value={view.y} onChange={(y) => update({ y })} withConfig />}
      {show.has('log') && <label className="check"><input type="checkbox" checked={view.logy} onChange={(e) => update({ logy: e.target.checked })} /> log Y</label>}
      {show.has('color') && (
        <MetricSelect
          label={colorLabel}
          value={view.color}
          onChange={(color) => update({ color })}
          extraOptions={COLOR_COLUMNS.map((c) => ({ value: c, label: COLOR_COLUMN_LABELS[c] ?? c }))}
        />
      )}
      {show.has('scale') && (
        <>
          <label className="field">
            Scale along
            <select value={view.scale} onChange={(e) => update({ scale: e.target.value as ScalingAxis })}>
              {SCALING_AXES.map((a) => <option key={a} value={a}>{SCALING_AXIS_LABELS[a]}</option>)}
            </select>
          </label>
          <span className="field" title="Each point averages the SAEs whose L0 lies in this window (the paper uses 40 to 200)">
            L0 window
            <NumberInput label="L0 window minimum" value={view.wmin} onCommit={(v) => v !== null && update({ wmin: v })} />
            –
            <NumberInput label="L0 window maximum" value={view.wmax} onCommit={(v) => v !== null && update({ wmax: v })} />
          </span>
        </>
      )}
      {(['lines', 'fonly', 'baselines', 'partial'] as const).filter((f) => show.has(f)).map((f) => <FlagToggle key={f} flag={f} view={view} />)}
    </>
  );
}
