// Canonical records shared by the readers, the CPU engine (src/rescore) and the WebGPU engine (src/gpu).
// Layouts are row-major Float32Array. See docs/rescoring-spec.md §2.2.

export type RescoreArchitecture =
  | 'standard'
  | 'p_anneal'
  | 'topk'
  | 'batch_topk'
  | 'matryoshka_batch_topk'
  | 'jumprelu'
  | 'gated';

export type ActivationNormalization =
  | { kind: 'none' }
  | { kind: 'expected_average_only_in'; scale: number }
  | { kind: 'constant_norm_rescale' }
  | { kind: 'layer_norm' };

/** An SAE after load-time transforms (docs/rescoring-spec.md §2.4), ready to encode raw activations. */
export interface CanonicalSae {
  architecture: RescoreArchitecture;
  dIn: number;
  dSae: number;
  /** [dIn, dSae] */
  wEnc: Float32Array;
  /** [dSae, dIn] */
  wDec: Float32Array;
  /** [dIn] */
  bDec: Float32Array;
  /** [dSae]; absent for gated. */
  bEnc?: Float32Array;
  /** Gated only: [dSae] each. */
  bGate?: Float32Array;
  rMag?: Float32Array;
  bMag?: Float32Array;
  /** JumpReLU: per-latent [dSae]; BatchTopK/Matryoshka: one scalar. */
  threshold?: Float32Array | number;
  /** TopK only. */
  k?: number;
  /** 1 when b_dec is subtracted from the input before encoding (alpha in docs/rescoring-spec.md §2). */
  applyBDecToInput: boolean;
  normalization: ActivationNormalization;
  /** Where it came from and which transforms ran, for display. */
  description: { format: string; name: string; notes: string[] };
}

/** The activation bundle of docs/rescoring-spec.md §3.6, decoded to f32. */
export interface ActivationBundle {
  nSeq: number;
  ctx: number;
  dIn: number;
  /** [nSeq, ctx, dIn] */
  activations: Float32Array;
  /** [nSeq, ctx], 1 = counted. */
  tokenMask: Uint8Array;
  batchSizePrompts: number;
  metadata: Record<string, string>;
}

export interface RescoreProgress {
  tokensDone: number;
  tokensTotal: number;
  phase: string;
}

export interface RescoreOptions {
  signal?: AbortSignal;
  onProgress?: (p: RescoreProgress) => void;
  /** Latents sampled for max-cosine metrics above this size (the result says so). */
  maxCosineSampleAbove?: number;
  seed?: number;
  /** Latents drawn for the sampled max-cosine metrics (default 512). */
  maxCosineSampleSize?: number;
  /** Skip the weight-based per-latent metrics (encoder norms, cosines). */
  skipWeightMetrics?: boolean;
  /** CPU engine: tokens per tile (default 64 scalar, 128 wasm). */
  tileTokens?: number;
}

/** Scalar metrics use SAEBench core key names; per-latent arrays are length dSae. */
export interface RescoreResult {
  engine: 'cpu' | 'gpu';
  /** Which implementation ran, for display, e.g. "cpu: WebAssembly SIMD, 2 workers". */
  engineLabel?: string;
  tokens: number;
  metrics: Record<string, number>;
  perLatent: {
    featureDensity: Float64Array;
    consistentActivationHeuristic: Float64Array;
    encoderNorm: Float64Array;
    encoderDecoderCosineSim: Float64Array;
    maxDecoderCosineSim?: Float64Array;
    /** NaN where not computed (sampled mode). */
    maxEncoderCosineSim?: Float64Array;
    /** Unmasked tokens on which the latent fired (f > 0). */
    firedTokens?: Float64Array;
    /** Sequences in which the latent fired at least once (CAH denominator). */
    firedSequences?: Float64Array;
  };
  notes: string[];
}
