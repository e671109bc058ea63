// Activation bundle: this project's own file of cached activations (SAEBench defines none), one safetensors file with
// activations [n_seq, ctx, d_in], token_mask [n_seq, ctx] U8 (1 = the token counts) and __metadata__ (the format
// name, batch_size_prompts, and where the activations came from). docs/rescoring-spec.md, "The activation bundle",
// gives every field.
import { fail } from './errors.ts';
import { getTensorInfo, parseSafetensors, readFloat, readI32, readU8, writeSafetensors, type SafetensorsFile } from './safetensors.ts';
import type { ActivationBundle, CanonicalSae } from './types.ts';

export const BUNDLE_FORMAT = 'saebench-acts/1';

export interface LoadedBundle extends ActivationBundle {
  /** Optional [nSeq, ctx] token ids. */
  tokens?: Int32Array;
  /** The parsed file, for optional extra tensors (e.g. synthetic true codes). */
  file: SafetensorsFile;
}

export function parseBundle(bytes: Uint8Array, label = 'activation bundle'): LoadedBundle {
  const file = parseSafetensors(bytes, label);
  const at = getTensorInfo(file, 'activations', label);
  if (at.shape.length !== 3) fail('BAD_BUNDLE', `${label}: "activations" must be [n_seq, ctx, d_in], got [${at.shape.join(', ')}]`);
  if (at.dtype !== 'F32' && at.dtype !== 'F16' && at.dtype !== 'BF16') {
    fail('WRONG_DTYPE', `${label}: "activations" has dtype ${at.dtype}, expected F32, F16 or BF16`);
  }
  const [nSeq, ctx, dIn] = at.shape as [number, number, number];
  // With every dimension positive, the activations' byte count (already checked against the file) bounds the
  // token count, so nothing below allocates more than the file claims and holds.
  if (nSeq === 0 || ctx === 0 || dIn === 0) fail('BAD_BUNDLE', `${label}: "activations" has an empty dimension [${at.shape.join(', ')}]`);
  const activations = readFloat(file, at, label);
  for (let i = 0; i < activations.length; i++) {
    if (!Number.isFinite(activations[i]!)) fail('BAD_BUNDLE', `${label}: activations contain a non-finite value at flat index ${i}`);
  }
  let tokenMask: Uint8Array;
  if (file.tensors.has('token_mask')) {
    const mt = getTensorInfo(file, 'token_mask', label);
    if (mt.shape.length !== 2 || mt.shape[0] !== nSeq || mt.shape[1] !== ctx) {
      fail('BAD_BUNDLE', `${label}: "token_mask" has shape [${mt.shape.join(', ')}], expected [${nSeq}, ${ctx}]`);
    }
    tokenMask = readU8(file, mt, label).map((v) => (v ? 1 : 0));
  } else {
    tokenMask = new Uint8Array(nSeq * ctx).fill(1);
  }
  const metadata = { ...file.metadata };
  let batchSizePrompts = nSeq;
  if (metadata.batch_size_prompts !== undefined) {
    const b = Number(metadata.batch_size_prompts);
    if (!Number.isInteger(b) || b <= 0) fail('BAD_BUNDLE', `${label}: metadata batch_size_prompts=${JSON.stringify(metadata.batch_size_prompts)} is not a positive integer`);
    batchSizePrompts = b;
  }
  const out: LoadedBundle = { nSeq, ctx, dIn, activations, tokenMask, batchSizePrompts, metadata, file };
  if (file.tensors.has('tokens')) out.tokens = readI32(file, getTensorInfo(file, 'tokens', label), label);
  return out;
}

/** Throws DIN_MISMATCH when the bundle was not recorded at this SAE's width. */
export function checkBundleMatchesSae(bundle: ActivationBundle, sae: CanonicalSae): void {
  if (bundle.dIn !== sae.dIn) {
    fail('DIN_MISMATCH', `activation bundle has d_in=${bundle.dIn} but the SAE "${sae.description.name}" expects d_in=${sae.dIn}`);
  }
}

export interface BundleWriteOptions {
  dtype?: 'F32' | 'F16' | 'BF16';
  extra?: Parameters<typeof writeSafetensors>[0];
}

export function writeBundle(b: ActivationBundle, opts: BundleWriteOptions = {}): Uint8Array {
  const metadata: Record<string, string> = { format: BUNDLE_FORMAT, ...b.metadata, batch_size_prompts: String(b.batchSizePrompts) };
  return writeSafetensors(
    {
      activations: { dtype: opts.dtype ?? 'F32', shape: [b.nSeq, b.ctx, b.dIn], data: b.activations },
      token_mask: { dtype: 'U8', shape: [b.nSeq, b.ctx], data: b.tokenMask },
      ...opts.extra,
    },
    metadata,
  );
}
