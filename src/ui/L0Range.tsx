// L0 range inputs; the URL changes when a value is committed (Enter or leaving the field).
import { useStore } from '../state/store.ts';
import { NumberInput } from './NumberInput.tsx';

export function L0Range() {
  const { l0min, l0max } = useStore((s) => s.view);
  const update = useStore((s) => s.update);
  return (
    <fieldset className="facet l0-range">
      <legend title="Average number of active latents per token (a control variable, not a score)">L0 range</legend>
      <NumberInput label="Minimum L0" placeholder="min" allowEmpty value={l0min} onCommit={(v) => update({ l0min: v })} />
      {' – '}
      <NumberInput label="Maximum L0" placeholder="max" allowEmpty value={l0max} onCommit={(v) => update({ l0max: v })} />
    </fieldset>
  );
}
