// L0 range inputs; the URL changes when a value is committed (Enter or leaving the field).
import { useEffect, useState } from 'react';
import { useStore } from '../state/store.ts';

function Bound({ which }: { which: 'l0min' | 'l0max' }) {
  const value = useStore((s) => s.view[which]);
  const update = useStore((s) => s.update);
  const [text, setText] = useState(value === null ? '' : String(value));
  useEffect(() => setText(value === null ? '' : String(value)), [value]);
  const commit = () => {
    const n = Number(text);
    if (text.trim() === '') update({ [which]: null });
    else if (Number.isFinite(n)) update({ [which]: n });
    else setText(value === null ? '' : String(value));
  };
  return (
    <input
      type="number"
      inputMode="decimal"
      aria-label={which === 'l0min' ? 'Minimum L0' : 'Maximum L0'}
      placeholder={which === 'l0min' ? 'min' : 'max'}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}

export function L0Range() {
  return (
    <fieldset className="facet l0-range">
      <legend title="Average number of active latents per token (a control variable, not a score)">L0 range</legend>
      <Bound which="l0min" /> – <Bound which="l0max" />
    </fieldset>
  );
}
