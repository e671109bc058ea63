// A metric picker grouped by eval; the chosen metric's description and direction sit beside it.
import { useId } from 'react';
import { axisById, CONFIG_AXES, EVAL_LABELS, METRICS, metricTooltip, type EvalId } from '../catalog/metrics.ts';

const EVALS = Object.keys(EVAL_LABELS) as EvalId[];

export function MetricSelect(props: {
  label: string;
  value: string;
  onChange: (id: string) => void;
  extraOptions?: { value: string; label: string }[];
  /** Also offer the numeric configuration columns (width, training tokens, layer), for X and Y. */
  withConfig?: boolean;
}) {
  const id = useId();
  const def = axisById(props.value);
  const options = props.withConfig ? [...METRICS, ...CONFIG_AXES] : METRICS;
  return (
    <span className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)} aria-describedby={`${id}-help`}>
        {props.extraOptions?.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        {EVALS.filter((ev) => options.some((d) => d.eval === ev)).map((ev) => (
          <optgroup key={ev} label={EVAL_LABELS[ev]}>
            {options.filter((d) => d.eval === ev).map((d) => (
              <option key={d.id} value={d.id} title={metricTooltip(d)}>{d.label}</option>
            ))}
          </optgroup>
        ))}
      </select>
      <span id={`${id}-help`} className="help" tabIndex={0} title={def ? metricTooltip(def) : ''} aria-label={def ? metricTooltip(def) : ''}>
        {def ? (def.direction === 'higher' ? '↑ better' : def.direction === 'lower' ? '↓ better' : 'control') : ''} (?)
      </span>
    </span>
  );
}
