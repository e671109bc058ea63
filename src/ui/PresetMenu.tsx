// Named views reproducing the paper's headline figures; choosing one loads its URL. While the view is exactly a
// preset's, the menu shows it. Arrow keys on the closed menu only move through the presets (Chromium fires
// "change" on each); Enter applies the one shown, so browsing the list replaces nothing.
import { useRef, useState } from 'react';
import { activePreset, PRESETS } from '../state/presets.ts';
import { useStore } from '../state/store.ts';
import { decodeUrl } from '../state/urlCodec.ts';
import { useAppData } from './AppData.tsx';

export function PresetMenu() {
  const { domains } = useAppData().info;
  const view = useStore((s) => s.view);
  const active = activePreset(view, domains);
  const [browsing, setBrowsing] = useState<string | null>(null);
  const keyed = useRef(false);
  const apply = (id: string) => {
    const preset = PRESETS.find((p) => p.id === id);
    if (!preset) return;
    const { state, notices } = decodeUrl(preset.search, domains);
    useStore.getState().replace({ ...state, data: view.data });
    useStore.getState().setNotices(notices);
  };
  return (
    <label className="field" title={active?.description}>
      Presets
      <select
        value={browsing ?? active?.id ?? ''} aria-label="Presets: paper figures"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && browsing !== null) {
            apply(browsing);
            setBrowsing(null);
          } else if (e.key === 'Escape') setBrowsing(null);
          // Alt+Arrow and Space open the list, where a choice is meant.
          keyed.current = !e.altKey && (/^(Arrow|Page|Home|End)/.test(e.key) || (e.key.length === 1 && e.key !== ' '));
        }}
        onBlur={() => setBrowsing(null)}
        onChange={(e) => {
          if (keyed.current) setBrowsing(e.target.value);
          else apply(e.target.value);
          keyed.current = false;
        }}
      >
        <option value="">Paper figures…</option>
        {PRESETS.map((p) => <option key={p.id} value={p.id} title={p.description}>{p.label}</option>)}
      </select>
    </label>
  );
}
