// Writes a CanonicalSae as a SAELens v6 folder or as dictionary_learning config.json + safetensors (nn.Linear names).
import { writeSafetensors, type TensorToWrite } from './safetensors.ts';
import { transpose } from './saeCommon.ts';
import type { CanonicalSae } from './types.ts';

export interface SaeFiles {
  [fileName: string]: string | Uint8Array;
}

const SAELENS_ARCH: Record<CanonicalSae['architecture'], string> = {
  standard: 'standard', p_anneal: 'standard', topk: 'topk', jumprelu: 'jumprelu', gated: 'gated',
  batch_topk: 'jumprelu', matryoshka_batch_topk: 'jumprelu',
};

/** SAELens v6 layout. BatchTopK/Matryoshka are saved as JumpReLU with θ_i = θ, as SAELens does for inference. */
export function toSaeLensFiles(sae: CanonicalSae, metadata: Record<string, unknown> = {}, dtype: 'F32' | 'F16' = 'F32'): SaeFiles {
  const { dIn, dSae } = sae;
  const t = (shape: number[], data: Float32Array): TensorToWrite => ({ dtype, shape, data });
  const tensors: Record<string, TensorToWrite> = { W_enc: t([dIn, dSae], sae.wEnc), W_dec: t([dSae, dIn], sae.wDec), b_dec: t([dIn], sae.bDec) };
  if (sae.architecture === 'gated') {
    tensors.b_gate = t([dSae], sae.bGate!);
    tensors.r_mag = t([dSae], sae.rMag!);
    tensors.b_mag = t([dSae], sae.bMag!);
  } else {
    tensors.b_enc = t([dSae], sae.bEnc!);
  }
  const th = sae.threshold;
  if (th !== undefined && sae.architecture !== 'topk') {
    tensors.threshold = t([dSae], typeof th === 'number' ? new Float32Array(dSae).fill(th) : th);
  }
  const cfg: Record<string, unknown> = {
    architecture: SAELENS_ARCH[sae.architecture],
    d_in: dIn,
    d_sae: dSae,
    dtype: dtype === 'F32' ? 'float32' : 'float16',
    device: 'cpu',
    apply_b_dec_to_input: sae.applyBDecToInput,
    normalize_activations: sae.normalization.kind,
    reshape_activations: 'none',
    metadata: { sae_lens_version: '6.18.0', ...metadata },
  };
  if (sae.architecture === 'topk') {
    cfg.k = sae.k;
    cfg.rescale_acts_by_decoder_norm = false;
  }
  return { 'cfg.json': JSON.stringify(cfg, null, 2), 'sae_weights.safetensors': writeSafetensors(tensors) };
}

const DL_CLASSES: Partial<Record<CanonicalSae['architecture'], [string, string]>> = {
  standard: ['StandardTrainer', 'AutoEncoder'],
  topk: ['TopKTrainer', 'AutoEncoderTopK'],
  batch_topk: ['BatchTopKTrainer', 'BatchTopKSAE'],
  gated: ['GatedSAETrainer', 'GatedAutoEncoder'],
};

/** dictionary_learning layout with ae.pt key names, saved as ae.safetensors (standard, topk, batch_topk, gated). */
export function toDictionaryLearningFiles(sae: CanonicalSae, extra: Record<string, unknown> = {}): SaeFiles {
  const cls = DL_CLASSES[sae.architecture];
  if (!cls) throw new Error(`toDictionaryLearningFiles: ${sae.architecture} not supported`);
  const { dIn, dSae } = sae;
  const f = (shape: number[], data: Float32Array): TensorToWrite => ({ dtype: 'F32', shape, data });
  const enc = f([dSae, dIn], transpose(sae.wEnc, dIn, dSae));
  const dec = f([dIn, dSae], transpose(sae.wDec, dSae, dIn));
  let tensors: Record<string, TensorToWrite>;
  if (sae.architecture === 'standard') {
    tensors = { 'encoder.weight': enc, 'encoder.bias': f([dSae], sae.bEnc!), 'decoder.weight': dec, bias: f([dIn], sae.bDec) };
  } else if (sae.architecture === 'gated') {
    tensors = {
      'encoder.weight': enc, 'decoder.weight': dec, decoder_bias: f([dIn], sae.bDec),
      r_mag: f([dSae], sae.rMag!), gate_bias: f([dSae], sae.bGate!), mag_bias: f([dSae], sae.bMag!),
    };
  } else {
    tensors = {
      'encoder.weight': enc, 'encoder.bias': f([dSae], sae.bEnc!), 'decoder.weight': dec, b_dec: f([dIn], sae.bDec),
      k: { dtype: 'I32', shape: [], data: [sae.k ?? 0] },
      threshold: f([], Float32Array.of(typeof sae.threshold === 'number' ? sae.threshold : -1)),
    };
  }
  const trainer = { trainer_class: cls[0], dict_class: cls[1], activation_dim: dIn, dict_size: dSae, k: sae.k, ...extra };
  return { 'config.json': JSON.stringify({ trainer, buffer: {} }, null, 2), 'ae.safetensors': writeSafetensors(tensors) };
}

export function filesToMap(files: SaeFiles): Map<string, Uint8Array> {
  const m = new Map<string, Uint8Array>();
  for (const [k, v] of Object.entries(files)) m.set(k, typeof v === 'string' ? new TextEncoder().encode(v) : v);
  return m;
}
