// Format detection over a dropped folder: SAELens (cfg.json) or dictionary_learning (config.json with "trainer").
import { fail } from './errors.ts';
import { isDictionaryLearningConfig, loadDictionaryLearning } from './dictLearning.ts';
import { loadSaeLens } from './saelens.ts';
import type { CanonicalSae } from './types.ts';

export interface LoadSaeOptions {
  fold?: boolean;
  name?: string;
}

/** `files` maps base file names (e.g. "cfg.json") to their bytes. */
export function loadSaeFromFiles(files: Map<string, Uint8Array>, opts: LoadSaeOptions = {}): CanonicalSae {
  const text = (n: string): string | undefined => {
    const b = files.get(n);
    return b ? new TextDecoder().decode(b) : undefined;
  };
  const name = opts.name ?? 'SAE';
  const cfg = text('cfg.json');
  if (cfg !== undefined) {
    const w = files.get('sae_weights.safetensors');
    if (!w) fail('MISSING_FILE', `${name}: cfg.json found but sae_weights.safetensors is missing`);
    return loadSaeLens(cfg, w, { fold: opts.fold, name, activationScalerJson: text('activation_scaler.json') });
  }
  const dl = text('config.json');
  if (dl !== undefined && isDictionaryLearningConfig(dl)) {
    const wName = files.has('ae.safetensors') ? 'ae.safetensors' : [...files.keys()].find((k) => k.endsWith('.safetensors'));
    if (!wName) {
      fail('MISSING_FILE', `${name}: dictionary_learning config.json found but no .safetensors weights (convert ae.pt with safetensors.torch.save_file)`);
    }
    return loadDictionaryLearning(dl, files.get(wName)!, name);
  }
  return fail('MISSING_FILE', `${name}: no cfg.json (SAELens) or dictionary_learning config.json found`);
}
