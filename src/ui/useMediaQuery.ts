// Whether a CSS media query matches now, updated as the window changes.
import { useEffect, useState } from 'react';

export function useMediaQuery(query: string): boolean {
  const get = () => typeof window !== 'undefined' && window.matchMedia(query).matches;
  const [matches, setMatches] = useState(get);
  useEffect(() => {
    const mq = window.matchMedia(query);
    const onChange = () => setMatches(mq.matches);
    onChange();
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

/** Below this width the layout is one column (filters and options behind buttons). */
export const NARROW = '(max-width: 899px)';
/** Below this width the filters live in a sheet, so the plot keeps its width beside the detail panel. */
export const MEDIUM = '(max-width: 1279px)';
