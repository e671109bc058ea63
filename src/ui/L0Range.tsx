// L0 range inputs; the URL changes when a value is committed (Enter or leaving the field).
import { useStore } from '../state/store.ts';
import { fixL0Range } from '../state/rangeRepairs.ts';
import { NumberInput } from './NumberInput.tsx';

export function L0Range() {
  const { l0min, l0max } = useStore((s) => s.view);
  const update = useStore((s) => s.update);
  // The same rules as a link's: a range that can match nothing is put right, with a notice.
  const commit = (patch: { l0min?: number | null; l0max?: number | null }) => {
    const next = { l0min, l0max, ...patch };
    const notices = fixL0Range(next);
    update(next);
    if (notices.length) useStore.getState().setNotices(notices);
  };
  return (
    <fieldset className="facet l0-range">
      <legend title="Average number of active latents per token (a control variable, not a score)">L0 range</legend>
      <NumberInput label="Minimum L0" placeholder="min" allowEmpty value={l0min} onCommit={(v) => commit({ l0min: v })} />
      {' – '}
      <NumberInput label="Maximum L0" placeholder="max" allowEmpty value={l0max} onCommit={(v) => commit({ l0max: v })} />
    </fieldset>
  );
}
