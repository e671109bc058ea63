// Fused per-token reductions (docs/rescoring-spec.md §6.3 step 4). Per-token record, 8 f32 each:
//   [0] ||x||^2  [1] ||x̂||^2  [2] x·x̂  [3] SSE = ||x - x̂||^2  [4] L0 = #{f != 0}  [5] L1 = sum f  [6,7] unused
// x and x̂ in raw space. The host zeroes the records once per tile, codeStats adds L0/L1 per latent chunk and
// finalize maps x̂_in back to raw space (x̂ = x̂_in * mul / div + add) and writes [0..3].
// Everything is read back and aggregated in f64 on the CPU.
struct Params {
  T: u32,
  d: u32,
  dPad: u32,
  Fc: u32,
  FcPad: u32,
  _p0: u32,
  _p1: u32,
  _p2: u32,
};

@group(0) @binding(0) var<uniform> prm: Params;
@group(0) @binding(1) var<storage, read> codes: array<f32>;
@group(0) @binding(2) var<storage, read_write> tok: array<f32>;

var<workgroup> red: array<vec4<f32>, 64>;

fn reduce4(v: vec4<f32>, li: u32) -> vec4<f32> {
  red[li] = v;
  workgroupBarrier();
  for (var s: u32 = 32u; s > 0u; s = s >> 1u) {
    if (li < s) { red[li] = red[li] + red[li + s]; }
    workgroupBarrier();
  }
  return red[0];
}

@compute @workgroup_size(64)
fn codeStats(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let t = wg.x + wg.y * 65535u;
  if (t >= prm.T) { return; }
  var l0 = 0.0;
  var l1 = 0.0;
  let base = t * prm.FcPad;
  for (var j = li; j < prm.Fc; j = j + 64u) {
    let f = codes[base + j];
    l0 = l0 + select(0.0, 1.0, f != 0.0);
    l1 = l1 + f;
  }
  let r = reduce4(vec4<f32>(l0, l1, 0.0, 0.0), li);
  if (li == 0u) {
    tok[t * 8u + 4u] = tok[t * 8u + 4u] + r.x;
    tok[t * 8u + 5u] = tok[t * 8u + 5u] + r.y;
  }
}

@group(0) @binding(0) var<uniform> fprm: Params;
@group(0) @binding(1) var<storage, read> X: array<f32>;
@group(0) @binding(2) var<storage, read> xhatIn: array<f32>;
@group(0) @binding(3) var<storage, read> inv: array<vec4<f32>>;
@group(0) @binding(4) var<storage, read_write> ftok: array<f32>;

@compute @workgroup_size(64)
fn finalize(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let t = wg.x + wg.y * 65535u;
  if (t >= fprm.T) { return; }
  let n = inv[t];
  var acc = vec4<f32>(0.0);
  for (var j = li; j < fprm.d; j = j + 64u) {
    let x = X[t * fprm.d + j];
    let h = xhatIn[t * fprm.dPad + j] * n.x / n.y + n.z;
    let e = x - h;
    acc = acc + vec4<f32>(x * x, h * h, x * h, e * e);
  }
  let r = reduce4(acc, li);
  if (li == 0u) {
    ftok[t * 8u + 0u] = r.x;
    ftok[t * 8u + 1u] = r.y;
    ftok[t * 8u + 2u] = r.z;
    ftok[t * 8u + 3u] = r.w;
  }
}
