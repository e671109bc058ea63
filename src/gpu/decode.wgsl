// Sparse decode for TopK codes (docs/rescoring-spec.md §6.3 step 3) and the scatter of selected codes into a dense
// chunk tile. sparseDecode: one 64-thread workgroup per token; x̂_in[t, j] = (accumulate ? x̂_in[t, j] : b_dec[j])
//               + sum over selected s with idx in [f0, f0 + Fc) of val_s * W_dec_chunk[idx - f0, j], in selection
//               (= latent index) order. Zero values and sentinel indices are skipped.
// scatter:      codes[t, idx - f0] = val for selected entries inside the chunk (codes cleared by the host first).
struct Params {
  T: u32,
  k: u32,
  dPad: u32,
  f0: u32,
  Fc: u32,
  FcPad: u32,
  accumulate: u32,
  _p: u32,
};

@group(0) @binding(0) var<uniform> prm: Params;
@group(0) @binding(1) var<storage, read> selIdx: array<u32>;
@group(0) @binding(2) var<storage, read> selVal: array<f32>;
@group(0) @binding(3) var<storage, read> W: array<f32>;
@group(0) @binding(4) var<storage, read> bDec: array<f32>;
@group(0) @binding(5) var<storage, read_write> xhat: array<f32>;

@compute @workgroup_size(64)
fn sparseDecode(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let t = wg.x + wg.y * 65535u;
  if (t >= prm.T) { return; }
  for (var j = li; j < prm.dPad; j = j + 64u) {
    var acc = 0.0;
    for (var s: u32 = 0u; s < prm.k; s = s + 1u) {
      let idx = selIdx[t * prm.k + s];
      let v = selVal[t * prm.k + s];
      if (v != 0.0 && idx >= prm.f0 && idx < prm.f0 + prm.Fc) {
        acc = fma(v, W[(idx - prm.f0) * prm.dPad + j], acc);
      }
    }
    let o = t * prm.dPad + j;
    var base = bDec[j];
    if (prm.accumulate != 0u) { base = xhat[o]; }
    xhat[o] = base + acc;
  }
}

@group(0) @binding(0) var<uniform> sprm: Params;
@group(0) @binding(1) var<storage, read> sIdx: array<u32>;
@group(0) @binding(2) var<storage, read> sVal: array<f32>;
@group(0) @binding(3) var<storage, read_write> codes: array<f32>;

@compute @workgroup_size(64)
fn scatter(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x + gid.y * 65535u * 64u;
  if (i >= sprm.T * sprm.k) { return; }
  let t = i / sprm.k;
  let idx = sIdx[i];
  let v = sVal[i];
  if (v != 0.0 && idx >= sprm.f0 && idx < sprm.f0 + sprm.Fc) {
    codes[t * sprm.FcPad + (idx - sprm.f0)] = v;
  }
}
