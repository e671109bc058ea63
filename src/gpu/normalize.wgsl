// Pre-pass, one 64-thread workgroup per token: x_in = N_in(x) (docs/rescoring-spec.md §2.3), x' = x_in - alpha * b_dec,
// written zero-padded to [T, dPad] for the encode GEMM, plus per-token inverse-normalisation factors
// (mul, div, add) with x̂ = x̂_in * mul / div + add.
//   kind 0 none                      (1, 1, 0)
//   kind 1 expected_average_only_in  x_in = s x;   (1, s, 0)
//   kind 2 constant_norm_rescale     c = sqrt(d)/||x||, x_in = c x;  (1, c, 0)
//   kind 3 layer_norm                x_in = (x - mu)/(sigma + 1e-5), sigma unbiased;  (sigma, 1, mu)
struct Params {
  T: u32,
  d: u32,
  dPad: u32,
  kind: u32,
  scale: f32,
  alpha: f32,
  _p0: u32,
  _p1: u32,
};

@group(0) @binding(0) var<uniform> prm: Params;
@group(0) @binding(1) var<storage, read> X: array<f32>;
@group(0) @binding(2) var<storage, read> bDec: array<f32>;
@group(0) @binding(3) var<storage, read_write> Xp: array<f32>;
@group(0) @binding(4) var<storage, read_write> inv: array<vec4<f32>>;

const WG: u32 = 64u;
var<workgroup> red: array<f32, 64>;

fn reduceSum(v: f32, li: u32) -> f32 {
  red[li] = v;
  workgroupBarrier();
  for (var s: u32 = WG / 2u; s > 0u; s = s >> 1u) {
    if (li < s) { red[li] = red[li] + red[li + s]; }
    workgroupBarrier();
  }
  let r = red[0];
  workgroupBarrier();
  return r;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let t = wg.x + wg.y * 65535u;
  if (t >= prm.T) { return; }
  let d = prm.d;
  let base = t * d;
  var mul = 1.0;
  var div = 1.0;
  var add = 0.0;
  var sub = 0.0;
  if (prm.kind == 1u) {
    div = prm.scale;
  } else if (prm.kind == 2u) {
    var s2 = 0.0;
    for (var j = li; j < d; j = j + WG) { let v = X[base + j]; s2 = s2 + v * v; }
    let tot = reduceSum(s2, li);
    div = sqrt(f32(d)) / sqrt(tot);
  } else if (prm.kind == 3u) {
    var s1 = 0.0;
    for (var j = li; j < d; j = j + WG) { s1 = s1 + X[base + j]; }
    let mu = reduceSum(s1, li) / f32(d);
    var s2 = 0.0;
    for (var j = li; j < d; j = j + WG) { let v = X[base + j] - mu; s2 = s2 + v * v; }
    let sigma = sqrt(reduceSum(s2, li) / f32(d - 1u));
    mul = sigma;
    add = mu;
    sub = mu;
  }
  let ob = t * prm.dPad;
  for (var j = li; j < prm.dPad; j = j + WG) {
    var v = 0.0;
    if (j < d) {
      let x = X[base + j];
      var xin: f32;
      if (prm.kind == 1u || prm.kind == 2u) { xin = x * div; }
      else if (prm.kind == 3u) { xin = (x - sub) / (mul + 1e-5); }
      else { xin = x; }
      v = xin - prm.alpha * bDec[j];
    }
    Xp[ob + j] = v;
  }
  if (li == 0u) { inv[t] = vec4<f32>(mul, div, add, 0.0); }
}
