// Per-token top-k select, one 256-thread workgroup per token (docs/rescoring-spec.md §6.3 step 2).
// Keys are the u32 bit patterns of ReLU(v) (order-preserving for v >= 0; v <= 0 and -0 map to key 0).
// Four 8-bit radix passes (workgroup histograms) find the k-th largest key K and how many entries equal to K
// must be taken; one ordered compaction pass then writes every key > K plus the lowest-indexed entries == K,
// in index order (ties broken by latent index). Selected values are ReLU(v). When a row has fewer than k
// entries, the surplus output slots get (index 0xffffffff, value 0).
// Used per latent chunk (index = indexBase + column) and to merge per-chunk candidates (index from idxIn,
// candidates laid out in latent order, so position order equals latent order).
struct Params {
  T: u32,
  M: u32,         // entries per row
  inStride: u32,
  k: u32,
  outStride: u32,
  outOffset: u32,
  indexBase: u32,
  useIdx: u32,
};

@group(0) @binding(0) var<uniform> prm: Params;
@group(0) @binding(1) var<storage, read> vals: array<f32>;
@group(0) @binding(2) var<storage, read> idxIn: array<u32>;
@group(0) @binding(3) var<storage, read_write> outIdx: array<u32>;
@group(0) @binding(4) var<storage, read_write> outVal: array<f32>;

const WG: u32 = 256u;
var<workgroup> hist: array<atomic<u32>, 256>;
var<workgroup> scan: array<u32, 256>;
var<workgroup> sel: vec2<u32>; // (prefix/K, remaining)

fn keyOf(v: f32) -> u32 {
  return select(0u, bitcast<u32>(v), v > 0.0);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let t = wg.x + wg.y * 65535u;
  if (t >= prm.T) { return; }
  let M = prm.M;
  let k = prm.k;
  let rowIn = t * prm.inStride;
  let rowOut = t * prm.outStride + prm.outOffset;

  var K: u32 = 0u;
  var remaining: u32 = M;
  if (M > k) {
    var prefix: u32 = 0u;
    var pmask: u32 = 0u;
    var rem: u32 = k;
    for (var rp: u32 = 0u; rp < 4u; rp = rp + 1u) {
      let shift = 24u - 8u * rp;
      atomicStore(&hist[li], 0u);
      workgroupBarrier();
      for (var j = li; j < M; j = j + WG) {
        let key = keyOf(vals[rowIn + j]);
        if ((key & pmask) == prefix) { atomicAdd(&hist[(key >> shift) & 255u], 1u); }
      }
      workgroupBarrier();
      if (li == 0u) {
        var cum: u32 = 0u;
        var b: u32 = 255u;
        loop {
          let h = atomicLoad(&hist[b]);
          if (cum + h >= rem || b == 0u) { break; }
          cum = cum + h;
          b = b - 1u;
        }
        sel = vec2<u32>(prefix | (b << shift), rem - cum);
      }
      workgroupBarrier();
      let s = sel;
      prefix = s.x;
      rem = s.y;
      pmask = pmask | (255u << shift);
      workgroupBarrier();
    }
    K = prefix;
    remaining = rem;
  } else {
    for (var s = M + li; s < k; s = s + WG) {
      outIdx[rowOut + s] = 0xffffffffu;
      outVal[rowOut + s] = 0.0;
    }
  }

  // Ordered compaction. scan[] holds (gt << 16) | eq flags, inclusive Hillis-Steele scan per block.
  var gtBase: u32 = 0u;
  var eqBase: u32 = 0u;
  for (var b0: u32 = 0u; b0 < M; b0 = b0 + WG) {
    let j = b0 + li;
    var v = 0.0;
    var key = 0u;
    var gt = 0u;
    var eq = 0u;
    if (j < M) {
      v = vals[rowIn + j];
      key = keyOf(v);
      gt = select(0u, 1u, key > K);
      eq = select(0u, 1u, key == K);
    }
    let mine = (gt << 16u) | eq;
    scan[li] = mine;
    workgroupBarrier();
    for (var off: u32 = 1u; off < WG; off = off << 1u) {
      var add = 0u;
      if (li >= off) { add = scan[li - off]; }
      workgroupBarrier();
      scan[li] = scan[li] + add;
      workgroupBarrier();
    }
    let excl = scan[li] - mine;
    let total = scan[WG - 1u];
    let gtBefore = gtBase + (excl >> 16u);
    let eqBefore = eqBase + (excl & 0xffffu);
    if (gt == 1u || (eq == 1u && eqBefore < remaining)) {
      let pos = gtBefore + min(eqBefore, remaining);
      var index = prm.indexBase + j;
      if (prm.useIdx != 0u) { index = idxIn[rowIn + j]; }
      outIdx[rowOut + pos] = index;
      outVal[rowOut + pos] = max(v, 0.0);
    }
    gtBase = gtBase + (total >> 16u);
    eqBase = eqBase + (total & 0xffffu);
    workgroupBarrier();
  }
}
