// Plain TypeScript reference of topk.wgsl: per row, the k largest ReLU(v) (ties -> lower position first),
// written in position order; surplus slots (row shorter than k) get index 0xffffffff and value 0.
export const SENTINEL = 0xffffffff;

export interface TopkOut {
  idx: Uint32Array;
  val: Float32Array;
}

export function topkReference(vals: Float32Array, T: number, M: number, k: number, indices?: Uint32Array, indexBase = 0): TopkOut {
  const idx = new Uint32Array(T * k).fill(SENTINEL);
  const val = new Float32Array(T * k);
  const order = new Array<number>(M);
  for (let t = 0; t < T; t++) {
    const key = (j: number): number => Math.max(vals[t * M + j]!, 0);
    for (let j = 0; j < M; j++) order[j] = j;
    order.sort((a, b) => key(b) - key(a) || a - b);
    const chosen = order.slice(0, Math.min(k, M)).sort((a, b) => a - b);
    chosen.forEach((j, s) => {
      idx[t * k + s] = indices ? indices[t * M + j]! : indexBase + j;
      val[t * k + s] = key(j);
    });
  }
  return { idx, val };
}
