// Register-blocked C = A·Bᵀ on row-major Float32Arrays: A [rows, d], B [cols, d] (B = transposed W_enc), C [rows, cols].
// 4 rows × 4 cols per block: 8 loads feed 16 multiply-adds. Accumulation is in JS doubles.

export function gemmABt(
  a: Float32Array, rows: number, b: Float32Array, cols: number, d: number, c: Float32Array,
  colStart = 0, colEnd = cols,
): void {
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const a0 = r * d, a1 = a0 + d, a2 = a1 + d, a3 = a2 + d;
    const c0 = r * cols, c1 = c0 + cols, c2 = c1 + cols, c3 = c2 + cols;
    let j = colStart;
    for (; j + 4 <= colEnd; j += 4) {
      const b0 = j * d, b1 = b0 + d, b2 = b1 + d, b3 = b2 + d;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let k = 0; k < d; k++) {
        const x0 = a[a0 + k]!, x1 = a[a1 + k]!, x2 = a[a2 + k]!, x3 = a[a3 + k]!;
        const w0 = b[b0 + k]!, w1 = b[b1 + k]!, w2 = b[b2 + k]!, w3 = b[b3 + k]!;
        s00 += x0 * w0; s01 += x0 * w1; s02 += x0 * w2; s03 += x0 * w3;
        s10 += x1 * w0; s11 += x1 * w1; s12 += x1 * w2; s13 += x1 * w3;
        s20 += x2 * w0; s21 += x2 * w1; s22 += x2 * w2; s23 += x2 * w3;
        s30 += x3 * w0; s31 += x3 * w1; s32 += x3 * w2; s33 += x3 * w3;
      }
      c[c0 + j] = s00; c[c0 + j + 1] = s01; c[c0 + j + 2] = s02; c[c0 + j + 3] = s03;
      c[c1 + j] = s10; c[c1 + j + 1] = s11; c[c1 + j + 2] = s12; c[c1 + j + 3] = s13;
      c[c2 + j] = s20; c[c2 + j + 1] = s21; c[c2 + j + 2] = s22; c[c2 + j + 3] = s23;
      c[c3 + j] = s30; c[c3 + j + 1] = s31; c[c3 + j + 2] = s32; c[c3 + j + 3] = s33;
    }
    for (; j < colEnd; j++) {
      const b0 = j * d;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let k = 0; k < d; k++) {
        const w = b[b0 + k]!;
        s0 += a[a0 + k]! * w; s1 += a[a1 + k]! * w; s2 += a[a2 + k]! * w; s3 += a[a3 + k]! * w;
      }
      c[c0 + j] = s0; c[c1 + j] = s1; c[c2 + j] = s2; c[c3 + j] = s3;
    }
  }
  for (; r < rows; r++) {
    const a0 = r * d;
    for (let j = colStart; j < colEnd; j++) {
      const b0 = j * d;
      let s = 0;
      for (let k = 0; k < d; k++) s += a[a0 + k]! * b[b0 + k]!;
      c[r * cols + j] = s;
    }
  }
}

/** Plain triple loop, the readable reference for the blocked kernel. */
export function gemmABtNaive(a: Float32Array, rows: number, b: Float32Array, cols: number, d: number, c: Float32Array): void {
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < cols; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += a[r * d + k]! * b[j * d + k]!;
      c[r * cols + j] = s;
    }
  }
}
