import { useStore } from '../state/store.ts';

/** What was ignored in the URL, shown as text (never as HTML). */
export function Notices() {
  const notices = useStore((s) => s.notices);
  const setNotices = useStore((s) => s.setNotices);
  if (!notices.length) return null;
  return (
    <div className="notices" role="status" data-testid="url-notices">
      <ul>{notices.map((n, i) => <li key={i}>{n}</li>)}</ul>
      <button type="button" onClick={() => setNotices([])}>Dismiss</button>
    </div>
  );
}
