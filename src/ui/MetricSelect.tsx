// A metric picker grouped by eval, each option with how many of the filtered SAEs have it; the chosen
// metric's description and direction sit beside it.
import { useId } from 'react';
import { axisById, CONFIG_AXES, directionArrow, EVAL_LABELS, METRICS, metricTooltip, type EvalId } from '../catalog/metrics.ts';
import { num, type Frame } from '../data/frame.ts';

const EVALS = Object.keys(EVAL_LABELS) as EvalId[];

export function MetricSelect(props: {
  label: string;
  value: string;
  onChange: (id: string) => void;
  extraOptions?: { value: string; label: string }[];
  /** What the "(?)" says when an extra option (not a metric) is chosen. */
  extraHelp?: (value: string) => string;
  /** Also offer the numeric configuration columns (width, training tokens, layer), for X and Y. */
  withConfig?: boolean;
  /** Per metric, how many filtered SAEs have it (the counts query). */
  counts?: Frame | null;
}) {
  const id = useId();
  const def = axisById(props.value);
  const options = props.withConfig ? [...METRICS, ...CONFIG_AXES] : METRICS;
  const count = (metric: string) => {
    if (!props.counts || !props.counts.columns.has(metric)) return '';
    return ` (${num(props.counts, metric)[0]})`;
  };
  const arrow = def ? directionArrow(def) : '';
  const help = def ? metricTooltip(def) : props.extraHelp?.(props.value) ?? '';
  return (
    <span className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)} aria-describedby={help ? `${id}-help` : undefined}>
        {props.extraOptions?.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        {EVALS.filter((ev) => options.some((d) => d.eval === ev)).map((ev) => (
          <optgroup key={ev} label={EVAL_LABELS[ev]}>
            {options.filter((d) => d.eval === ev).map((d) => (
              <option key={d.id} value={d.id} title={metricTooltip(d)}>{d.label}{count(d.id)}</option>
            ))}
          </optgroup>
        ))}
      </select>
      {help && (
        // Shown on hover and on keyboard focus alike (a title attribute shows on hover only).
        <span className="help" tabIndex={0} aria-describedby={`${id}-help`}>
          {def ? (arrow ? `${arrow} better` : 'not a score') : ''} (?)
          <span id={`${id}-help`} role="tooltip" className="help-tip">{help}</span>
        </span>
      )}
    </span>
  );
}
