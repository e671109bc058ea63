// Loads the SIMD kernels of kernels.wat and prepares their packed layouts (see the comment at the top of the .wat).
import { kernelsWasmBase64 } from './kernels.generated.ts';

/** Rows per A panel and latents per B panel of the 4x8 GEMM block. */
export const ROW_PANEL = 4;
export const COL_PANEL = 8;

export interface WasmKernels {
  memory: WebAssembly.Memory;
  gemm(a: number, b: number, c: number, rowPanels: number, colPanels: number, d: number, ldc: number): void;
  /** scratch: F + 1 + 2·(codes in the tile) 4-byte words. */
  decode(idx: number, val: number, count: number, rows: number, cap: number, F: number, w: number, dPad: number, xhat: number, scratch: number): void;
}

// (module (func (result v128) (v128.const i32x4 0 0 0 0)))
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 22, 1, 20, 0, 253, 12,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11,
]);

export function wasmSimdSupported(): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

let compiled: WebAssembly.Module | undefined;

function kernelsModule(): WebAssembly.Module {
  if (!compiled) {
    const bin = atob(kernelsWasmBase64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    compiled = new WebAssembly.Module(bytes);
  }
  return compiled;
}

/** A fresh instance with its own memory (one per worker or engine run). */
export function instantiateKernels(): WasmKernels {
  const inst = new WebAssembly.Instance(kernelsModule(), {});
  return inst.exports as unknown as WasmKernels;
}

export const roundUp = (n: number, m: number) => Math.ceil(n / m) * m;

/** Bump allocator over the instance memory: reserve all regions, then `commit()` grows memory once. */
export class WasmArena {
  private top = 0;
  constructor(private readonly k: WasmKernels) {}

  /** Byte offset of a new 16-byte-aligned region of `floats` f32 values. */
  reserve(floats: number): number {
    const at = this.top;
    this.top = roundUp(at + 4 * floats, 16);
    return at;
  }

  commit(): void {
    const need = Math.ceil(this.top / 65536) - this.k.memory.buffer.byteLength / 65536;
    if (need > 0) this.k.memory.grow(need);
  }

  f32(at: number, floats: number): Float32Array {
    return new Float32Array(this.k.memory.buffer, at, floats);
  }

  i32(at: number, ints: number): Int32Array {
    return new Int32Array(this.k.memory.buffer, at, ints);
  }
}

/**
 * Packs B for `gemm` from a k-major matrix w [d, cols] (W_enc as stored: w[k*ld + j], ld >= cols) into column panels
 * [colPanels][d][8], zero-padding latents past `cols`.
 */
export function packColumnPanels(w: Float32Array, d: number, cols: number, ld: number, out: Float32Array): void {
  const panels = Math.ceil(cols / COL_PANEL);
  out.fill(0, 0, panels * d * COL_PANEL);
  for (let p = 0; p < panels; p++) {
    const j0 = p * COL_PANEL, width = Math.min(COL_PANEL, cols - j0), base = p * d * COL_PANEL;
    for (let k = 0; k < d; k++) {
      const src = k * ld + j0, dst = base + k * COL_PANEL;
      for (let c = 0; c < width; c++) out[dst + c] = w[src + c]!;
    }
  }
}

/** Writes token row `r` (d values) into the row-panel layout [rowPanels][d][4] used by `gemm`. */
export function packRow(row: ArrayLike<number>, rowOff: number, d: number, r: number, out: Float32Array): void {
  const base = Math.floor(r / ROW_PANEL) * d * ROW_PANEL + (r % ROW_PANEL);
  for (let k = 0; k < d; k++) out[base + k * ROW_PANEL] = row[rowOff + k]!;
}

/** Copies W_dec [F, d] into rows padded to dPad floats (zeros after d). */
export function padRows(w: Float32Array, F: number, d: number, dPad: number, out: Float32Array): void {
  out.fill(0, 0, F * dPad);
  for (let i = 0; i < F; i++) out.set(w.subarray(i * d, i * d + d), i * dPad);
}
