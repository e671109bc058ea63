// Public API of the WebGPU re-scoring engine. Node-only helpers live in ./nodeDevice.ts (not re-exported here, so
// the browser bundle never pulls in node:fs).
export { rescoreGpu, planJob, GpuDeviceLostError, DEFAULT_GPU_TILE_TOKENS, type GpuRescoreOptions, type GpuPlan } from './gpuEngine.ts';
export { requestGpuDevice } from './browserDevice.ts';
