// Named views reproducing the paper's headline figures; choosing one loads its URL. While the view is exactly a
// preset's, the menu shows it.
import { activePreset, PRESETS } from '../state/presets.ts';
import { useStore } from '../state/store.ts';
import { decodeUrl } from '../state/urlCodec.ts';
import { useAppData } from './AppData.tsx';

export function PresetMenu() {
  const { domains } = useAppData().info;
  const view = useStore((s) => s.view);
  const active = activePreset(view, domains);
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
      <select value={active?.id ?? ''} onChange={(e) => apply(e.target.value)} aria-label="Presets: paper figures">
        <option value="">Paper figures…</option>
        {PRESETS.map((p) => <option key={p.id} value={p.id} title={p.description}>{p.label}</option>)}
      </select>
    </label>
  );
}
