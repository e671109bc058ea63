// A number field that commits on Enter or blur; invalid text snaps back to the current value.
import { useEffect, useState } from 'react';

export function NumberInput(props: {
  label: string;
  value: number | null;
  onCommit: (value: number | null) => void;
  placeholder?: string;
  /** Whether an empty field means "no value" (else it snaps back). */
  allowEmpty?: boolean;
}) {
  const { value, onCommit, allowEmpty } = props;
  const [text, setText] = useState(value === null ? '' : String(value));
  useEffect(() => setText(value === null ? '' : String(value)), [value]);
  const commit = () => {
    const n = Number(text);
    if (text.trim() === '' && allowEmpty) onCommit(null);
    else if (text.trim() !== '' && Number.isFinite(n)) onCommit(n);
    else setText(value === null ? '' : String(value));
  };
  return (
    <input
      type="number"
      inputMode="decimal"
      aria-label={props.label}
      placeholder={props.placeholder}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}
