;; WebAssembly SIMD (f32x4) kernels for the CPU re-scoring engine. Assembled by scripts/gen-wasm.ts into
;; kernels.generated.ts (base64); the layouts are prepared by wasmKernels.ts.
;;
;; gemm: C = A·B for one token tile, with A and B packed into panels so the inner loop reads memory linearly:
;;   A: row panels of 4 tokens,   panel[k*4 + r]  (k < d)   -> one 4-byte splat per row and k
;;   B: column panels of 8 latents, panel[k*8 + c] (k < d)  -> two f32x4 loads per k
;; Each 4x8 output block lives in 8 f32x4 accumulators (11 of the 16 xmm registers V8 uses, so no spills).
;; Loop order: column panel outer, row panel inner, so one B panel (d*32 bytes, 24 KB at d = 768) stays in L1
;; while every token of the tile streams past it. No edge code: the caller pads rows to 4 and latents to 8.
;;
;; decode: xhat[r] = sum_i z[r, i] * W_dec[i] over each token's non-zero codes (compacted by the caller while it
;; counts L0), latents in ascending order, so the sum order matches the scalar engine.
(module
  (memory (export "memory") 1)

  ;; 4x8 block: C[c .. c+4 rows, 8 cols] (row stride ldcBytes) = A panel (at a) · B panel (at b), k < d.
  (func $block4x8 (param $a i32) (param $b i32) (param $c i32) (param $d i32) (param $ldcBytes i32)
    (local $aEnd i32)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local.set $aEnd (i32.add (local.get $a) (i32.shl (local.get $d) (i32.const 4))))
    (block $done
      (br_if $done (i32.ge_u (local.get $a) (local.get $aEnd)))
      (loop $k
        (local.set $b0 (v128.load (local.get $b)))
        (local.set $b1 (v128.load offset=16 (local.get $b)))
        (local.set $x (v128.load32_splat (local.get $a)))
        (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat offset=4 (local.get $a)))
        (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat offset=8 (local.get $a)))
        (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat offset=12 (local.get $a)))
        (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $a (i32.add (local.get $a) (i32.const 16)))
        (local.set $b (i32.add (local.get $b) (i32.const 32)))
        (br_if $k (i32.lt_u (local.get $a) (local.get $aEnd)))))
    (v128.store (local.get $c) (local.get $c00))
    (v128.store offset=16 (local.get $c) (local.get $c01))
    (local.set $c (i32.add (local.get $c) (local.get $ldcBytes)))
    (v128.store (local.get $c) (local.get $c10))
    (v128.store offset=16 (local.get $c) (local.get $c11))
    (local.set $c (i32.add (local.get $c) (local.get $ldcBytes)))
    (v128.store (local.get $c) (local.get $c20))
    (v128.store offset=16 (local.get $c) (local.get $c21))
    (local.set $c (i32.add (local.get $c) (local.get $ldcBytes)))
    (v128.store (local.get $c) (local.get $c30))
    (v128.store offset=16 (local.get $c) (local.get $c31)))

  ;; C [rowPanels*4, ldc] (floats, ldc >= colPanels*8) = packed A (rowPanels) · packed B (colPanels), k < d.
  (func (export "gemm") (param $a i32) (param $b i32) (param $c i32)
        (param $rowPanels i32) (param $colPanels i32) (param $d i32) (param $ldc i32)
    (local $cp i32) (local $rp i32) (local $bPanel i32) (local $ldcBytes i32) (local $aStride i32) (local $bStride i32)
    (local.set $ldcBytes (i32.shl (local.get $ldc) (i32.const 2)))
    (local.set $aStride (i32.shl (local.get $d) (i32.const 4)))
    (local.set $bStride (i32.shl (local.get $d) (i32.const 5)))
    (block $colsDone
      (loop $cols
        (br_if $colsDone (i32.ge_u (local.get $cp) (local.get $colPanels)))
        (local.set $bPanel (i32.add (local.get $b) (i32.mul (local.get $cp) (local.get $bStride))))
        (local.set $rp (i32.const 0))
        (block $rowsDone
          (loop $rows
            (br_if $rowsDone (i32.ge_u (local.get $rp) (local.get $rowPanels)))
            (call $block4x8
              (i32.add (local.get $a) (i32.mul (local.get $rp) (local.get $aStride)))
              (local.get $bPanel)
              (i32.add (local.get $c)
                (i32.add (i32.mul (i32.shl (local.get $rp) (i32.const 2)) (local.get $ldcBytes))
                         (i32.shl (local.get $cp) (i32.const 5))))
              (local.get $d) (local.get $ldcBytes))
            (local.set $rp (i32.add (local.get $rp) (i32.const 1)))
            (br $rows)))
        (local.set $cp (i32.add (local.get $cp) (i32.const 1)))
        (br $cols))))

;; xhat [rows, dPad] = sum over each row's non-zero codes of f * W_dec[i] (W_dec rows padded to dPad floats).
  ;; The codes come compacted per row: idx/val [rows, cap] (i32/f32, latents ascending), count [rows] (i32).
  ;; They are regrouped by latent first (counting sort into the scratch area: F + 1 starts, then rows and values),
  ;; so W_dec is read once per tile, in order, and each row of xhat still sums its codes in ascending latent order.
  (func (export "decode") (param $idx i32) (param $val i32) (param $count i32) (param $rows i32) (param $cap i32)
        (param $F i32) (param $w i32) (param $dPad i32) (param $xhat i32) (param $scratch i32)
    (local $r i32) (local $n i32) (local $nEnd i32) (local $i i32) (local $p i32) (local $q i32) (local $sum i32)
    (local $csRow i32) (local $csVal i32) (local $rowBytes i32) (local $wRow i32) (local $out i32) (local $j i32)
    (local $f v128)
    (local.set $rowBytes (i32.shl (local.get $dPad) (i32.const 2)))
    (memory.fill (local.get $scratch) (i32.const 0) (i32.shl (i32.add (local.get $F) (i32.const 1)) (i32.const 2)))
    ;; 1. codes per latent, counted at start[i + 1]
    (local.set $r (i32.const 0))
    (block $countDone
      (loop $countRows
        (br_if $countDone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $nEnd (i32.load (i32.add (local.get $count) (i32.shl (local.get $r) (i32.const 2)))))
        (local.set $p (i32.add (local.get $idx) (i32.shl (i32.mul (local.get $r) (local.get $cap)) (i32.const 2))))
        (local.set $q (i32.add (local.get $p) (i32.shl (local.get $nEnd) (i32.const 2))))
        (block $cDone
          (loop $c
            (br_if $cDone (i32.ge_u (local.get $p) (local.get $q)))
            (local.set $i (i32.add (local.get $scratch) (i32.shl (i32.load (local.get $p)) (i32.const 2))))
            (i32.store offset=4 (local.get $i) (i32.add (i32.load offset=4 (local.get $i)) (i32.const 1)))
            (local.set $p (i32.add (local.get $p) (i32.const 4)))
            (br $c)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $countRows)))
    ;; 2. prefix sums: start[i] = codes of latents < i; the grouped rows/values follow the F + 1 starts
    (local.set $i (i32.const 0))
    (block $prefixDone
      (loop $prefix
        (br_if $prefixDone (i32.ge_u (local.get $i) (local.get $F)))
        (local.set $p (i32.add (local.get $scratch) (i32.shl (local.get $i) (i32.const 2))))
        (local.set $sum (i32.add (local.get $sum) (i32.load offset=4 (local.get $p))))
        (i32.store offset=4 (local.get $p) (local.get $sum))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $prefix)))
    (local.set $csRow (i32.add (local.get $scratch) (i32.shl (i32.add (local.get $F) (i32.const 1)) (i32.const 2))))
    (local.set $csVal (i32.add (local.get $csRow) (i32.shl (local.get $sum) (i32.const 2))))
    ;; 3. scatter (rows ascending within each latent); start[i] is advanced to the end of latent i's group
    (local.set $r (i32.const 0))
    (block $scatterDone
      (loop $scatterRows
        (br_if $scatterDone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $nEnd (i32.load (i32.add (local.get $count) (i32.shl (local.get $r) (i32.const 2)))))
        (local.set $n (i32.const 0))
        (block $sDone
          (loop $s
            (br_if $sDone (i32.ge_u (local.get $n) (local.get $nEnd)))
            (local.set $p (i32.shl (i32.add (i32.mul (local.get $r) (local.get $cap)) (local.get $n)) (i32.const 2)))
            (local.set $i (i32.add (local.get $scratch) (i32.shl (i32.load (i32.add (local.get $idx) (local.get $p))) (i32.const 2))))
            (local.set $q (i32.shl (i32.load (local.get $i)) (i32.const 2)))
            (i32.store (i32.add (local.get $csRow) (local.get $q)) (local.get $r))
            (f32.store (i32.add (local.get $csVal) (local.get $q)) (f32.load (i32.add (local.get $val) (local.get $p))))
            (i32.store (local.get $i) (i32.add (i32.load (local.get $i)) (i32.const 1)))
            (local.set $n (i32.add (local.get $n) (i32.const 1)))
            (br $s)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $scatterRows)))
    ;; 4. latent by latent: xhat[row] += f * W_dec[i] (group i is [start[i-1], start[i]) after the scatter)
    (memory.fill (local.get $xhat) (i32.const 0) (i32.mul (local.get $rows) (local.get $rowBytes)))
    (local.set $i (i32.const 0))
    (local.set $p (i32.const 0))
    (block $latentsDone
      (loop $latents
        (br_if $latentsDone (i32.ge_u (local.get $i) (local.get $F)))
        (local.set $q (i32.load (i32.add (local.get $scratch) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $wRow (i32.add (local.get $w) (i32.mul (local.get $i) (local.get $rowBytes))))
        (block $groupDone
          (loop $group
            (br_if $groupDone (i32.ge_u (local.get $p) (local.get $q)))
            (local.set $f (v128.load32_splat (i32.add (local.get $csVal) (i32.shl (local.get $p) (i32.const 2)))))
            (local.set $out (i32.add (local.get $xhat)
              (i32.mul (i32.load (i32.add (local.get $csRow) (i32.shl (local.get $p) (i32.const 2)))) (local.get $rowBytes))))
            (local.set $j (i32.const 0))
            (block $axpyDone
              (loop $axpy
                (br_if $axpyDone (i32.ge_u (local.get $j) (local.get $rowBytes)))
                (v128.store (i32.add (local.get $out) (local.get $j))
                  (f32x4.add (v128.load (i32.add (local.get $out) (local.get $j)))
                             (f32x4.mul (local.get $f) (v128.load (i32.add (local.get $wRow) (local.get $j))))))
                (local.set $j (i32.add (local.get $j) (i32.const 16)))
                (br $axpy)))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $group)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $latents)))))
