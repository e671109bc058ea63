// Register-tiled GEMM  out[M, N] = A[M, K] · B[K, N]  with a fused per-column epilogue.
// Encode: A = pre-processed tokens x' [T, dPad], B = W_enc chunk [dPad, FcPad], out = codes [T, FcPad].
// Dense decode: A = codes [T, FcPad], B = W_dec chunk [FcPad, dPad], out = x̂_in [T, dPad] (MODE_DECODE accumulates).
// Tile: 64 x 64 outputs per 256-thread workgroup, 4 x 4 per thread (one vec4 column group x 4 rows), K step 16,
// vec4 global loads. K and N are padded by the host to multiples of 16; rows (M) are bounds-checked.
// Per-column epilogue parameters p = (b1, b2, s, thr):
//   MODE 0 relu      f = max(z + b1, 0)                        (standard, p_anneal)
//   MODE 1 jumprelu  h = z + b1; f = h > thr ? max(h, 0) : 0   (strict, per-latent thr)
//   MODE 2 thresh    r = max(z + b1, 0); f = r > thr ? r : 0    (batch_topk / matryoshka, scalar thr)
//   MODE 3 gated     f = (z + b1 > 0) ? max(s * z + b2, 0) : 0  (b1 = b_gate, b2 = b_mag, s = exp(r_mag))
//   MODE 4 preact    f = z + b1                                 (topk: pre-activations, selected later)
//   MODE 5 decode    out = z + (accumulate ? out : b1)          (b1 = b_dec on the first latent chunk)
override MODE: u32 = 0u;

struct Dims {
  M: u32,          // rows (tokens in the tile)
  N: u32,          // padded columns, multiple of 16
  K: u32,          // padded inner dimension, multiple of 16
  accumulate: u32, // MODE 5 only
};

@group(0) @binding(0) var<uniform> dims: Dims;
@group(0) @binding(1) var<storage, read> A: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read> B: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read> P: array<vec4<f32>>;
@group(0) @binding(4) var<storage, read_write> O: array<vec4<f32>>;

const TM: u32 = 64u;
const TN: u32 = 64u;
const TK: u32 = 16u;

// As[k][m] (transposed A tile) stored as vec4 over m; Bs[k][n] as vec4 over n.
var<workgroup> As: array<vec4<f32>, 256>; // TK * TM / 4
var<workgroup> Bs: array<vec4<f32>, 256>; // TK * TN / 4

fn epilogue(z: f32, p: vec4<f32>) -> f32 {
  switch MODE {
    case 0u: { return max(z + p.x, 0.0); }
    case 1u: { let h = z + p.x; return select(0.0, max(h, 0.0), h > p.w); }
    case 2u: { let r = max(z + p.x, 0.0); return select(0.0, r, r > p.w); }
    case 3u: { return select(0.0, max(p.z * z + p.y, 0.0), z + p.x > 0.0); }
    default: { return z + p.x; }
  }
}

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let row0 = wg.y * TM;
  let col0 = wg.x * TN;
  let K4 = dims.K / 4u;
  let N4 = dims.N / 4u;
  let tx = lid.x; // column group (4 columns)
  let ty = lid.y; // row group (4 rows)

  var acc0 = vec4<f32>(0.0);
  var acc1 = vec4<f32>(0.0);
  var acc2 = vec4<f32>(0.0);
  var acc3 = vec4<f32>(0.0);

  // A tile loader: thread li loads row (li / 4), k quad (li % 4).
  let aRow = li / 4u;
  let aKq = li % 4u;
  // B tile loader: thread li loads k row (li / 16), column quad (li % 16).
  let bK = li / 16u;
  let bCq = li % 16u;

  for (var k0: u32 = 0u; k0 < dims.K; k0 = k0 + TK) {
    var av = vec4<f32>(0.0);
    let gr = row0 + aRow;
    if (gr < dims.M) { av = A[gr * K4 + k0 / 4u + aKq]; }
    // transpose into As[k][m]: k = aKq*4 + e, m = aRow
    let mq = aRow / 4u;
    let me = aRow % 4u;
    As[(aKq * 4u + 0u) * 16u + mq][me] = av.x;
    As[(aKq * 4u + 1u) * 16u + mq][me] = av.y;
    As[(aKq * 4u + 2u) * 16u + mq][me] = av.z;
    As[(aKq * 4u + 3u) * 16u + mq][me] = av.w;

    var bv = vec4<f32>(0.0);
    let gc4 = col0 / 4u + bCq;
    if (gc4 < N4) { bv = B[(k0 + bK) * N4 + gc4]; }
    Bs[bK * 16u + bCq] = bv;
    workgroupBarrier();

    for (var k: u32 = 0u; k < TK; k = k + 1u) {
      let a = As[k * 16u + ty];
      let b = Bs[k * 16u + tx];
      acc0 = fma(vec4<f32>(a.x), b, acc0);
      acc1 = fma(vec4<f32>(a.y), b, acc1);
      acc2 = fma(vec4<f32>(a.z), b, acc2);
      acc3 = fma(vec4<f32>(a.w), b, acc3);
    }
    workgroupBarrier();
  }

  let c4 = col0 / 4u + tx;
  if (c4 >= N4) { return; }
  let c = c4 * 4u;
  let p0 = P[c];
  let p1 = P[c + 1u];
  let p2 = P[c + 2u];
  let p3 = P[c + 3u];
  var accs = array<vec4<f32>, 4>(acc0, acc1, acc2, acc3);
  for (var i: u32 = 0u; i < 4u; i = i + 1u) {
    let r = row0 + ty * 4u + i;
    if (r >= dims.M) { break; }
    let z = accs[i];
    let o = r * N4 + c4;
    if (MODE == 5u) {
      var base = vec4<f32>(p0.x, p1.x, p2.x, p3.x);
      if (dims.accumulate != 0u) { base = O[o]; }
      O[o] = z + base;
    } else {
      O[o] = vec4<f32>(epilogue(z.x, p0), epilogue(z.y, p1), epilogue(z.z, p2), epilogue(z.w, p3));
    }
  }
}
