// SAELens `cfg.json` (pre-6 and v6 key names) + `sae_weights.safetensors` -> CanonicalSae, with the load-time
// transforms SAEBench applies: fold_W_dec_norm (unit decoder rows, encoder and biases scaled to keep x̂), the pre-6
// finetuning_scaling_factor folded into W_dec, and activation normalisation (none, constant_norm_rescale, layer_norm;
// expected_average_only_in takes its scale from activation_scaler.json, and applies none without it).
// docs/rescoring-spec.md, "File formats" and "Encode/decode per architecture", has the details.
import { fail } from './errors.ts';
import { parseSafetensors } from './safetensors.ts';
import { foldDecoderNorm, optionalTensor, scalarTensor, tensor, validateCanonical } from './saeCommon.ts';
import type { ActivationNormalization, CanonicalSae, RescoreArchitecture } from './types.ts';

export interface SaeLensLoadOptions {
  /** Apply fold_W_dec_norm as SAEBench does for SAELens SAEs (default true). */
  fold?: boolean;
  /** `activation_scaler.json` contents, if present beside the weights. */
  activationScalerJson?: string;
  name?: string;
}

type Json = Record<string, unknown>;

function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function intField(cfg: Json, key: string, label: string): number {
  const v = cfg[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) fail('BAD_CONFIG', `${label}: "${key}" must be a positive integer, got ${JSON.stringify(v)}`);
  return v;
}

function majorVersion(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const m = /^(\d+)\./.exec(v);
  return m ? Number(m[1]) : null;
}

export function parseSaeLensConfig(text: string, label = 'cfg.json'): Json {
  let cfg: unknown;
  try {
    cfg = JSON.parse(text);
  } catch (e) {
    fail('BAD_CONFIG', `${label}: not valid JSON (${(e as Error).message})`);
  }
  if (!isObj(cfg)) fail('BAD_CONFIG', `${label}: top level is not an object`);
  return cfg;
}

function normalization(raw: unknown, label: string): ActivationNormalization['kind'] {
  if (raw === undefined || raw === null || raw === false || raw === 'none') return 'none';
  if (raw === true || raw === 'expected_average_only_in') return 'expected_average_only_in';
  if (raw === 'constant_norm_rescale' || raw === 'layer_norm') return raw;
  return fail('UNSUPPORTED', `${label}: normalize_activations=${JSON.stringify(raw)} is not supported`);
}

export function loadSaeLens(cfgText: string, weights: Uint8Array, opts: SaeLensLoadOptions = {}): CanonicalSae {
  const label = opts.name ?? 'SAELens SAE';
  const cfg = parseSaeLensConfig(cfgText, `${label} cfg.json`);
  const meta = isObj(cfg.metadata) ? cfg.metadata : {};
  const version = cfg.sae_lens_version ?? meta.sae_lens_version;
  const isV6 = (majorVersion(version) ?? 0) >= 6;
  const notes: string[] = [`SAELens cfg ${isV6 ? 'v6+' : 'pre-6'}${typeof version === 'string' ? ` (${version})` : ''}`];
  const dIn = intField(cfg, 'd_in', label);
  const dSae = intField(cfg, 'd_sae', label);
  let arch = typeof cfg.architecture === 'string' ? cfg.architecture : 'standard';
  let k: number | undefined = typeof cfg.k === 'number' ? cfg.k : undefined;
  const actFn = cfg.activation_fn_str ?? cfg.activation_fn;
  if (!isV6 && actFn !== undefined) {
    if (actFn === 'topk') {
      arch = 'topk';
      const kw = isObj(cfg.activation_fn_kwargs) ? cfg.activation_fn_kwargs : {};
      k = typeof kw.k === 'number' ? kw.k : k;
    } else if (actFn === 'tanh-relu') {
      fail('UNSUPPORTED', `${label}: activation_fn_str "tanh-relu" is not supported by the re-scoring engines`);
    } else if (actFn !== 'relu') {
      fail('UNSUPPORTED', `${label}: activation_fn_str ${JSON.stringify(actFn)} is not supported`);
    }
  }
  const file = parseSafetensors(weights, `${label} sae_weights.safetensors`);
  const wl = `${label} sae_weights.safetensors`;
  const wEnc = tensor(file, 'W_enc', [dIn, dSae], wl);
  const wDec = tensor(file, 'W_dec', [dSae, dIn], wl);
  const bDec = tensor(file, 'b_dec', [dIn], wl);
  const sae: CanonicalSae = {
    architecture: 'standard',
    dIn,
    dSae,
    wEnc,
    wDec,
    bDec,
    applyBDecToInput: cfg.apply_b_dec_to_input === undefined ? true : cfg.apply_b_dec_to_input === true,
    normalization: { kind: 'none' },
    description: { format: 'saelens', name: label, notes },
  };
  let canFold = true;
  const archMap: Record<string, RescoreArchitecture> = {
    standard: 'standard', topk: 'topk', jumprelu: 'jumprelu', gated: 'gated',
    batchtopk: 'batch_topk', matryoshka_batchtopk: 'matryoshka_batch_topk',
  };
  const a = archMap[arch];
  if (!a) fail('UNSUPPORTED', `${label}: architecture ${JSON.stringify(arch)} is not supported`);
  sae.architecture = a;
  if (a === 'gated') {
    sae.bGate = tensor(file, 'b_gate', [dSae], wl);
    sae.rMag = tensor(file, 'r_mag', [dSae], wl);
    sae.bMag = tensor(file, 'b_mag', [dSae], wl);
  } else {
    sae.bEnc = tensor(file, 'b_enc', [dSae], wl);
  }
  if (a === 'jumprelu') {
    const th = optionalTensor(file, 'threshold', [dSae], wl);
    const logTh = th ? undefined : optionalTensor(file, 'log_threshold', [dSae], wl);
    if (!th && !logTh) fail('MISSING_TENSOR', `${wl}: jumprelu needs "threshold" or "log_threshold"`);
    sae.threshold = th ?? Float32Array.from(logTh!, Math.exp);
  }
  if (a === 'topk') {
    if (k === undefined) fail('BAD_CONFIG', `${label}: TopK SAE without k`);
    sae.k = k;
    if (cfg.rescale_acts_by_decoder_norm === true) {
      notes.push('rescale_acts_by_decoder_norm: folded, which is equivalent');
    } else {
      canFold = false;
      notes.push('TopK without rescale_acts_by_decoder_norm: kept unfolded, as SAEBench does');
    }
  }
  if (a === 'batch_topk' || a === 'matryoshka_batch_topk') {
    const th = scalarTensor(file, 'topk_threshold', wl) ?? scalarTensor(file, 'threshold', wl);
    if (th === undefined) fail('MISSING_TENSOR', `${wl}: ${arch} needs "topk_threshold"`);
    sae.threshold = th;
    sae.k = k;
    canFold = false;
    notes.push(`${arch} evaluated with its scalar threshold`);
  }
  const sf = optionalTensor(file, 'scaling_factor', [dSae], wl);
  if (sf && sf.some((v) => v !== 1)) {
    for (let i = 0; i < dSae; i++) for (let j = 0; j < dIn; j++) wDec[i * dIn + j]! *= sf[i]!;
    notes.push('finetuning scaling_factor folded into W_dec');
  }
  const kind = normalization(cfg.normalize_activations, label);
  if (kind === 'expected_average_only_in') {
    const s = scalerFromJson(opts.activationScalerJson, label);
    if (s === undefined) {
      notes.push('WARNING: normalize_activations=expected_average_only_in but no activation_scaler.json: no scaling applied (as SAELens v6 does when loading from disk)');
    } else {
      for (let i = 0; i < wEnc.length; i++) wEnc[i]! *= s;
      for (let i = 0; i < wDec.length; i++) wDec[i]! /= s;
      for (let i = 0; i < dIn; i++) bDec[i]! /= s;
      notes.push(`activation scaling factor ${s} folded into the weights`);
    }
  } else if (kind === 'constant_norm_rescale' || kind === 'layer_norm') {
    sae.normalization = { kind };
  }
  validateCanonical(sae, label);
  if (opts.fold !== false && canFold) foldDecoderNorm(sae);
  if (a === 'topk' && canFold && opts.fold === false) foldDecoderNorm(sae);
  return sae;
}

function scalerFromJson(text: string | undefined, label: string): number | undefined {
  if (text === undefined) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    fail('BAD_CONFIG', `${label}: activation_scaler.json is not valid JSON`);
  }
  const s = isObj(v) ? v.scaling_factor : undefined;
  if (s === null) return undefined;
  if (typeof s !== 'number' || !(s > 0)) fail('BAD_CONFIG', `${label}: activation_scaler.json needs a positive "scaling_factor"`);
  return s;
}
