// dictionary_learning `config.json` + safetensors weights with the ae.pt key names -> CanonicalSae
// (docs/rescoring-spec.md §3.3, §2.4).
import { fail } from './errors.ts';
import { getTensorInfo, parseSafetensors, type SafetensorsFile } from './safetensors.ts';
import { assertUnitDecoder, decoderNorms, foldDecoderNorm, scalarTensor, tensor, transpose, validateCanonical } from './saeCommon.ts';
import type { CanonicalSae, RescoreArchitecture } from './types.ts';

type Json = Record<string, unknown>;

const DICT_CLASSES: Record<string, RescoreArchitecture> = {
  AutoEncoder: 'standard',
  GatedAutoEncoder: 'gated',
  AutoEncoderTopK: 'topk',
  BatchTopKSAE: 'batch_topk',
  MatryoshkaBatchTopKSAE: 'matryoshka_batch_topk',
  JumpReluAutoEncoder: 'jumprelu',
};

/**
 * Reads an nn.Linear weight (`[out, in]`) into the canonical orientation. The key name decides; the transposed
 * (SAELens) orientation is accepted only when d_in != d_sae, so the shapes cannot be ambiguous.
 */
function linear(file: SafetensorsFile, name: string, outDim: number, inDim: number, label: string): Float32Array {
  const t = getTensorInfo(file, name, label);
  const [a, b] = t.shape;
  if (t.shape.length === 2 && a === outDim && b === inDim) return transpose(tensor(file, name, null, label), outDim, inDim);
  if (t.shape.length === 2 && a === inDim && b === outDim && inDim !== outDim) return tensor(file, name, null, label);
  return fail('WRONG_SHAPE', `${label}: tensor "${name}" has shape [${t.shape.join(', ')}], expected [${outDim}, ${inDim}] (nn.Linear)`);
}

export function loadDictionaryLearning(configText: string, weights: Uint8Array, name = 'dictionary_learning SAE'): CanonicalSae {
  let cfg: unknown;
  try {
    cfg = JSON.parse(configText);
  } catch (e) {
    fail('BAD_CONFIG', `${name} config.json: not valid JSON (${(e as Error).message})`);
  }
  const trainer = (cfg as Json | null)?.trainer;
  if (typeof trainer !== 'object' || trainer === null) fail('BAD_CONFIG', `${name} config.json: missing "trainer" object`);
  const tr = trainer as Json;
  const dictClass = String(tr.dict_class ?? '');
  let arch = DICT_CLASSES[dictClass];
  if (!arch) fail('UNSUPPORTED', `${name}: dict_class ${JSON.stringify(tr.dict_class)} is not supported`);
  if (arch === 'standard' && tr.trainer_class === 'PAnnealTrainer') arch = 'p_anneal';
  const dIn = tr.activation_dim;
  const dSae = tr.dict_size;
  if (typeof dIn !== 'number' || !Number.isInteger(dIn) || dIn <= 0) fail('BAD_CONFIG', `${name}: trainer.activation_dim must be a positive integer`);
  if (typeof dSae !== 'number' || !Number.isInteger(dSae) || dSae <= 0) fail('BAD_CONFIG', `${name}: trainer.dict_size must be a positive integer`);
  const wl = `${name} weights`;
  const file = parseSafetensors(weights, wl);
  const is16 = [...file.tensors.values()].some((t) => t.dtype === 'F16' || t.dtype === 'BF16');
  const notes = [`dictionary_learning ${String(tr.trainer_class ?? dictClass)}`];
  const base = { architecture: arch, dIn, dSae, normalization: { kind: 'none' as const }, description: { format: 'dictionary_learning', name, notes } };
  let sae: CanonicalSae;
  if (arch === 'standard' || arch === 'p_anneal') {
    sae = {
      ...base,
      wEnc: linear(file, 'encoder.weight', dSae, dIn, wl),
      bEnc: tensor(file, 'encoder.bias', [dSae], wl),
      wDec: linear(file, 'decoder.weight', dIn, dSae, wl),
      bDec: tensor(file, 'bias', [dIn], wl),
      applyBDecToInput: true,
    };
  } else if (arch === 'gated') {
    sae = {
      ...base,
      wEnc: linear(file, 'encoder.weight', dSae, dIn, wl),
      wDec: linear(file, 'decoder.weight', dIn, dSae, wl),
      bDec: tensor(file, 'decoder_bias', [dIn], wl),
      rMag: tensor(file, 'r_mag', [dSae], wl),
      bGate: tensor(file, 'gate_bias', [dSae], wl),
      bMag: tensor(file, 'mag_bias', [dSae], wl),
      applyBDecToInput: true,
    };
  } else if (arch === 'topk' || arch === 'batch_topk') {
    sae = {
      ...base,
      wEnc: linear(file, 'encoder.weight', dSae, dIn, wl),
      bEnc: tensor(file, 'encoder.bias', [dSae], wl),
      wDec: linear(file, 'decoder.weight', dIn, dSae, wl),
      bDec: tensor(file, 'b_dec', [dIn], wl),
      applyBDecToInput: true,
    };
  } else {
    sae = {
      ...base,
      wEnc: tensor(file, 'W_enc', [dIn, dSae], wl),
      bEnc: tensor(file, 'b_enc', [dSae], wl),
      wDec: tensor(file, 'W_dec', [dSae, dIn], wl),
      bDec: tensor(file, 'b_dec', [dIn], wl),
      applyBDecToInput: arch === 'jumprelu' ? tr.apply_b_dec_to_input === true : true,
    };
  }
  if (arch === 'topk' || arch === 'batch_topk' || arch === 'matryoshka_batch_topk') {
    const k = scalarTensor(file, 'k', wl) ?? (typeof tr.k === 'number' ? tr.k : undefined);
    if (k === undefined) fail('BAD_CONFIG', `${name}: no k in the weights or trainer config`);
    sae.k = k;
    if (arch !== 'topk') {
      const th = scalarTensor(file, 'threshold', wl);
      if (th === undefined) fail('MISSING_TENSOR', `${wl}: ${arch} needs a scalar "threshold"`);
      sae.threshold = th;
      if (arch === 'matryoshka_batch_topk') notes.push('group_sizes ignored (SAEBench evaluates it as BatchTopK)');
    } else {
      notes.push('TopK evaluated with per-token top-k (use_threshold off, as SAEBench does)');
    }
  }
  if (arch === 'jumprelu') sae.threshold = tensor(file, 'threshold', [dSae], wl);
  validateCanonical(sae, name);
  if (arch === 'standard' || arch === 'p_anneal') {
    const norms = decoderNorms(sae);
    if (norms.some((n) => Math.abs(n - 1) > 1e-5)) foldDecoderNorm(sae);
  } else {
    assertUnitDecoder(sae, is16 ? 1e-2 : 1e-5, name);
  }
  return sae;
}

/** True when a parsed config.json looks like dictionary_learning's. */
export function isDictionaryLearningConfig(text: string): boolean {
  try {
    const v = JSON.parse(text) as Json | null;
    return typeof v?.trainer === 'object' && v.trainer !== null;
  } catch {
    return false;
  }
}
