// Find an SAE by id (or part of it) and pick it: the keyboard's way to select a point.
import { useId, useState } from 'react';
import { useAppData } from './AppData.tsx';

const MAX_SUGGESTIONS = 50;

export function SaeSearch({ label, onPick, inputId }: { label: string; onPick: (id: string) => void; inputId?: string }) {
  const { info } = useAppData();
  const generated = useId();
  const id = inputId ?? generated;
  const [text, setText] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const ids = info.domains.saeIds ? [...info.domains.saeIds] : [];
  const q = text.trim().toLowerCase();
  const matches = q ? ids.filter((s) => s.toLowerCase().includes(q)).slice(0, MAX_SUGGESTIONS) : [];
  const pick = () => {
    const exact = ids.find((s) => s === text.trim()) ?? (matches.length === 1 ? matches[0] : undefined);
    if (exact) {
      onPick(exact);
      setText('');
      setNote(null);
    } else setNote(matches.length ? `${matches.length}${matches.length === MAX_SUGGESTIONS ? '+' : ''} SAEs match; pick one from the list` : 'no SAE matches');
  };
  return (
    <span className="field sae-search">
      <label htmlFor={id}>{label}</label>
      <input id={id} list={`${id}-list`} value={text} placeholder="id or part of it" onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && pick()} />
      <datalist id={`${id}-list`}>{matches.map((m) => <option key={m} value={m} />)}</datalist>
      <button type="button" onClick={pick}>Go</button>
      {note && <span role="status" className="muted">{note}</span>}
    </span>
  );
}
