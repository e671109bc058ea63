// safetensors reader/writer with full header validation: u64 little-endian header length N, N bytes of JSON
// ({name: {dtype, shape, data_offsets}} plus optional __metadata__), then row-major little-endian data with offsets
// relative to byte 8 + N. Every offset, shape and dtype is checked against the file's size before a tensor is read.
import { fail } from './errors.ts';
import { bf16BitsToFloat, f16BitsToFloat, floatToBf16Bits, floatToF16Bits } from './f16.ts';

export type Dtype =
  | 'F64' | 'F32' | 'F16' | 'BF16' | 'I64' | 'I32' | 'I16' | 'I8'
  | 'U8' | 'U16' | 'U32' | 'U64' | 'BOOL' | 'F8_E4M3' | 'F8_E5M2';

const DTYPE_SIZE: Record<Dtype, number> = {
  F64: 8, F32: 4, F16: 2, BF16: 2, I64: 8, I32: 4, I16: 2, I8: 1,
  U8: 1, U16: 2, U32: 4, U64: 8, BOOL: 1, F8_E4M3: 1, F8_E5M2: 1,
};

export const MAX_HEADER_BYTES = 100 * 1024 * 1024;

export interface TensorInfo {
  name: string;
  dtype: Dtype;
  shape: number[];
  /** Absolute byte range in the file. */
  begin: number;
  end: number;
}

export interface SafetensorsFile {
  bytes: Uint8Array;
  tensors: Map<string, TensorInfo>;
  metadata: Record<string, string>;
}

function isDtype(s: unknown): s is Dtype {
  return typeof s === 'string' && Object.prototype.hasOwnProperty.call(DTYPE_SIZE, s);
}

function isNonNegInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** Parses and validates a whole safetensors file held in memory. `label` names it in error messages. */
export function parseSafetensors(bytes: Uint8Array, label = 'safetensors file'): SafetensorsFile {
  if (bytes.byteLength < 8) fail('FILE_TOO_SMALL', `${label}: ${bytes.byteLength} bytes, need at least 8 for the header length`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = Number(dv.getBigUint64(0, true));
  if (n > MAX_HEADER_BYTES) fail('HEADER_TOO_LARGE', `${label}: header length ${n} exceeds the 100 MB limit`);
  if (8 + n > bytes.byteLength) {
    fail('HEADER_OUT_OF_BOUNDS', `${label}: header length ${n} runs past the end of the file (${bytes.byteLength} bytes)`);
  }
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + n)));
  } catch (e) {
    fail('HEADER_NOT_JSON', `${label}: header is not valid UTF-8 JSON (${(e as Error).message})`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    fail('HEADER_NOT_OBJECT', `${label}: header JSON is not an object`);
  }
  const dataStart = 8 + n;
  const dataLen = bytes.byteLength - dataStart;
  const tensors = new Map<string, TensorInfo>();
  const metadata: Record<string, string> = {};
  for (const [name, raw] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') {
      if (typeof raw !== 'object' || raw === null) fail('BAD_TENSOR_ENTRY', `${label}: __metadata__ is not an object`);
      for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
        if (typeof v !== 'string') fail('BAD_TENSOR_ENTRY', `${label}: __metadata__.${k} is not a string`);
        metadata[k] = v;
      }
      continue;
    }
    if (typeof raw !== 'object' || raw === null) fail('BAD_TENSOR_ENTRY', `${label}: tensor "${name}" entry is not an object`);
    const { dtype, shape, data_offsets: off } = raw as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    if (!isDtype(dtype)) fail('UNKNOWN_DTYPE', `${label}: tensor "${name}" has unknown dtype ${JSON.stringify(dtype)}`);
    if (!Array.isArray(shape) || !shape.every(isNonNegInt)) {
      fail('BAD_TENSOR_ENTRY', `${label}: tensor "${name}" has an invalid shape ${JSON.stringify(shape)}`);
    }
    if (!Array.isArray(off) || off.length !== 2 || !isNonNegInt(off[0]) || !isNonNegInt(off[1]) || off[1] < off[0]) {
      fail('BAD_TENSOR_ENTRY', `${label}: tensor "${name}" has invalid data_offsets ${JSON.stringify(off)}`);
    }
    const [b, e] = off as [number, number];
    if (e > dataLen) {
      fail('OFFSETS_OUT_OF_BOUNDS', `${label}: tensor "${name}" data_offsets [${b}, ${e}] run past the data section (${dataLen} bytes)`);
    }
    const numel = (shape as number[]).reduce((a, s) => a * s, 1);
    const want = numel * DTYPE_SIZE[dtype];
    if (e - b !== want) {
      fail('SIZE_MISMATCH', `${label}: tensor "${name}" has ${e - b} bytes but shape [${(shape as number[]).join(', ')}] x ${dtype} needs ${want}`);
    }
    tensors.set(name, { name, dtype, shape: [...(shape as number[])], begin: dataStart + b, end: dataStart + e });
  }
  const sorted = [...tensors.values()].filter((t) => t.end > t.begin).sort((a, b) => a.begin - b.begin);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (cur.begin < prev.end) fail('OVERLAPPING_TENSORS', `${label}: tensors "${prev.name}" and "${cur.name}" overlap`);
  }
  return { bytes, tensors, metadata };
}

export function getTensorInfo(file: SafetensorsFile, name: string, label = 'safetensors file'): TensorInfo {
  const t = file.tensors.get(name);
  if (!t) fail('MISSING_TENSOR', `${label}: tensor "${name}" is missing (have: ${[...file.tensors.keys()].join(', ') || 'none'})`);
  return t;
}

/** Decodes a floating tensor (F32/F16/BF16/F64) or an integer scalar-ish tensor to Float32Array. */
export function readFloat(file: SafetensorsFile, t: TensorInfo, label = 'safetensors file'): Float32Array {
  const n = t.shape.reduce((a, s) => a * s, 1);
  const dv = new DataView(file.bytes.buffer, file.bytes.byteOffset + t.begin, t.end - t.begin);
  const out = new Float32Array(n);
  switch (t.dtype) {
    case 'F32':
      for (let i = 0; i < n; i++) out[i] = dv.getFloat32(i * 4, true);
      break;
    case 'F16':
      for (let i = 0; i < n; i++) out[i] = f16BitsToFloat(dv.getUint16(i * 2, true));
      break;
    case 'BF16':
      for (let i = 0; i < n; i++) out[i] = bf16BitsToFloat(dv.getUint16(i * 2, true));
      break;
    case 'F64':
      for (let i = 0; i < n; i++) out[i] = dv.getFloat64(i * 8, true);
      break;
    case 'I32':
      for (let i = 0; i < n; i++) out[i] = dv.getInt32(i * 4, true);
      break;
    case 'I64':
      for (let i = 0; i < n; i++) out[i] = Number(dv.getBigInt64(i * 8, true));
      break;
    default:
      fail('WRONG_DTYPE', `${label}: tensor "${t.name}" has dtype ${t.dtype}, expected F32, F16, BF16, F64, I32 or I64`);
  }
  return out;
}

export function readU8(file: SafetensorsFile, t: TensorInfo, label = 'safetensors file'): Uint8Array {
  if (t.dtype !== 'U8' && t.dtype !== 'BOOL') fail('WRONG_DTYPE', `${label}: tensor "${t.name}" has dtype ${t.dtype}, expected U8 or BOOL`);
  return file.bytes.slice(t.begin, t.end);
}

export function readI32(file: SafetensorsFile, t: TensorInfo, label = 'safetensors file'): Int32Array {
  if (t.dtype !== 'I32') fail('WRONG_DTYPE', `${label}: tensor "${t.name}" has dtype ${t.dtype}, expected I32`);
  const dv = new DataView(file.bytes.buffer, file.bytes.byteOffset + t.begin, t.end - t.begin);
  const out = new Int32Array((t.end - t.begin) / 4);
  for (let i = 0; i < out.length; i++) out[i] = dv.getInt32(i * 4, true);
  return out;
}

export interface TensorToWrite {
  dtype: 'F32' | 'F16' | 'BF16' | 'U8' | 'I32';
  shape: number[];
  data: ArrayLike<number>;
}

/** Serialises tensors (in insertion order) to safetensors bytes; the header is space-padded to 8 bytes. */
export function writeSafetensors(tensors: Record<string, TensorToWrite>, metadata?: Record<string, string>): Uint8Array {
  const header: Record<string, unknown> = {};
  if (metadata) header.__metadata__ = metadata;
  let offset = 0;
  const entries = Object.entries(tensors);
  for (const [name, t] of entries) {
    const numel = t.shape.reduce((a, s) => a * s, 1);
    if (numel !== t.data.length) throw new Error(`writeSafetensors: "${name}" has ${t.data.length} values, shape needs ${numel}`);
    const size = numel * DTYPE_SIZE[t.dtype];
    header[name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + size] };
    offset += size;
  }
  let json = JSON.stringify(header);
  while ((8 + new TextEncoder().encode(json).length) % 8 !== 0) json += ' ';
  const hb = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + hb.length + offset);
  const dv = new DataView(out.buffer);
  dv.setBigUint64(0, BigInt(hb.length), true);
  out.set(hb, 8);
  let p = 8 + hb.length;
  for (const [, t] of entries) {
    const d = t.data;
    for (let i = 0; i < d.length; i++) {
      const v = d[i] ?? 0;
      switch (t.dtype) {
        case 'F32': dv.setFloat32(p, v, true); p += 4; break;
        case 'F16': dv.setUint16(p, floatToF16Bits(v), true); p += 2; break;
        case 'BF16': dv.setUint16(p, floatToBf16Bits(v), true); p += 2; break;
        case 'U8': dv.setUint8(p, v); p += 1; break;
        case 'I32': dv.setInt32(p, v, true); p += 4; break;
      }
    }
  }
  return out;
}
