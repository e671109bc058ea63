// Per-latent counters (docs/rescoring-spec.md §1.3, §6.3 step 5), one thread per latent of the chunk, looping over
// the tile's tokens in order (seqOf[t] = the token's sequence, 0xffffffff = masked/skip; tokens arrive in sequence
// order) (coalesced: neighbouring threads read neighbouring latents). Each latent is owned by exactly one thread, so
// the u32 counters need no atomics and stay exact:
//   fired[f]   += #{t not skipped : f_t > 0}
//   seqs[f]    += number of new sequences in which f fired (lastSeq[f] carries the last one across tiles,
//                 initialised to 0xffffffff by the host), the CAH denominator.
struct Params {
  T: u32,
  Fc: u32,
  FcPad: u32,
  f0: u32,
  _p2: u32,
  _p3: u32,
  _p0: u32,
  _p1: u32,
};

@group(0) @binding(0) var<uniform> prm: Params;
@group(0) @binding(1) var<storage, read> codes: array<f32>;
@group(0) @binding(2) var<storage, read> seqOf: array<u32>;
@group(0) @binding(3) var<storage, read_write> fired: array<u32>;
@group(0) @binding(4) var<storage, read_write> seqs: array<u32>;
@group(0) @binding(5) var<storage, read_write> lastSeq: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let j = gid.x + gid.y * 65535u * 64u;
  if (j >= prm.Fc) { return; }
  let f = prm.f0 + j;
  var cnt = 0u;
  var nseq = 0u;
  var last = lastSeq[f];
  for (var t: u32 = 0u; t < prm.T; t = t + 1u) {
    let s = seqOf[t];
    if (s != 0xffffffffu && codes[t * prm.FcPad + j] > 0.0) {
      cnt = cnt + 1u;
      if (s != last) { nseq = nseq + 1u; last = s; }
    }
  }
  fired[f] = fired[f] + cnt;
  seqs[f] = seqs[f] + nseq;
  lastSeq[f] = last;
}
