// Small WebGPU helpers shared by the passes: pipeline cache, buffer creation/upload/readback, uniforms, dispatch sizes.

const pipelineCache = new WeakMap<GPUDevice, Map<string, GPUComputePipeline>>();

export function getPipeline(device: GPUDevice, code: string, entryPoint: string, constants?: Record<string, number>): GPUComputePipeline {
  let m = pipelineCache.get(device);
  if (!m) { m = new Map(); pipelineCache.set(device, m); }
  const key = `${entryPoint}|${JSON.stringify(constants ?? {})}|${code}`;
  let p = m.get(key);
  if (!p) {
    const module = device.createShaderModule({ code, label: entryPoint });
    p = device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint, ...(constants ? { constants } : {}) }, label: entryPoint });
    m.set(key, p);
  }
  return p;
}

export const STORAGE = 0x0080 | 0x0008 | 0x0004; // STORAGE | COPY_DST | COPY_SRC (GPUBufferUsage may be absent at import time in Node)
const UNIFORM = 0x0040 | 0x0008; // UNIFORM | COPY_DST
const MAP_READ = 0x0001;
const COPY_DST = 0x0008;

/** Tracks buffers made for one job so they can all be destroyed at the end. */
export class BufferPool {
  private readonly bufs: GPUBuffer[] = [];
  private readonly transient: GPUBuffer[] = [];
  constructor(readonly device: GPUDevice) {}
  /** A small buffer that lives until destroyTransient() (uniforms, dummies): call that once the GPU work is done. */
  scratch(bytes: number, label: string): GPUBuffer {
    const b = this.device.createBuffer({ size: Math.max(16, align(bytes, 16)), usage: STORAGE, label });
    this.transient.push(b);
    return b;
  }
  destroyTransient(): void {
    for (const b of this.transient) b.destroy();
    this.transient.length = 0;
  }
  storage(bytes: number, label: string): GPUBuffer {
    const b = this.device.createBuffer({ size: Math.max(16, align(bytes, 16)), usage: STORAGE, label });
    this.bufs.push(b);
    return b;
  }
  upload(data: Float32Array | Uint32Array, label: string): GPUBuffer {
    const b = this.storage(data.byteLength, label);
    this.device.queue.writeBuffer(b, 0, data.buffer, data.byteOffset, data.byteLength);
    return b;
  }
  /** A 32-byte (or larger) uniform of u32/f32 fields, written in order; numbers tagged 'f' are f32. */
  uniform(fields: (number | { f: number })[]): GPUBuffer {
    const n = Math.max(8, align(fields.length, 4));
    const ab = new ArrayBuffer(n * 4);
    const dv = new DataView(ab);
    fields.forEach((v, i) => {
      if (typeof v === 'number') dv.setUint32(i * 4, v >>> 0, true);
      else dv.setFloat32(i * 4, v.f, true);
    });
    const b = this.device.createBuffer({ size: ab.byteLength, usage: UNIFORM, label: 'uniform' });
    this.device.queue.writeBuffer(b, 0, ab);
    this.transient.push(b);
    return b;
  }
  destroy(): void {
    this.destroyTransient();
    for (const b of this.bufs) b.destroy();
    this.bufs.length = 0;
  }
}

export function align(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}

/** Splits a 1-D count of workgroups over x/y (maxComputeWorkgroupsPerDimension is 65535 by default). */
export function grid(workgroups: number): [number, number] {
  if (workgroups <= 65535) return [Math.max(1, workgroups), 1];
  return [65535, Math.ceil(workgroups / 65535)];
}

export function bind(device: GPUDevice, pipeline: GPUComputePipeline, buffers: GPUBuffer[]): GPUBindGroup {
  return device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: buffers.map((buffer, binding) => ({ binding, resource: { buffer } })),
  });
}

export function dispatch(enc: GPUCommandEncoder, pipeline: GPUComputePipeline, group: GPUBindGroup, x: number, y = 1): void {
  const pass = enc.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, group);
  pass.dispatchWorkgroups(x, y);
  pass.end();
}

/** Copies `bytes` of `src` to a staging buffer and maps it. The command encoder is submitted here. */
export async function readBack(device: GPUDevice, src: GPUBuffer, bytes: number, enc?: GPUCommandEncoder): Promise<ArrayBuffer> {
  const size = align(Math.max(bytes, 4), 4);
  const staging = device.createBuffer({ size, usage: MAP_READ | COPY_DST, label: 'staging' });
  const e = enc ?? device.createCommandEncoder();
  e.copyBufferToBuffer(src, 0, staging, 0, size);
  device.queue.submit([e.finish()]);
  try {
    await staging.mapAsync(1 /* GPUMapMode.READ */);
    return staging.getMappedRange().slice(0, bytes);
  } finally {
    staging.destroy();
  }
}

export async function readF32(device: GPUDevice, src: GPUBuffer, count: number, enc?: GPUCommandEncoder): Promise<Float32Array> {
  return new Float32Array(await readBack(device, src, count * 4, enc));
}

export async function readU32(device: GPUDevice, src: GPUBuffer, count: number, enc?: GPUCommandEncoder): Promise<Uint32Array> {
  return new Uint32Array(await readBack(device, src, count * 4, enc));
}
