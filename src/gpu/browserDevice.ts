// WebGPU device in the browser. Returns null when WebGPU or an adapter is unavailable (the app then uses the CPU
// engine). Requests the adapter's maximum buffer sizes so large SAEs need fewer latent chunks.
export async function requestGpuDevice(): Promise<GPUDevice | null> {
  const gpu = typeof navigator !== 'undefined' ? (navigator as Navigator & { gpu?: GPU }).gpu : undefined;
  if (!gpu) return null;
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return null;
    const l = adapter.limits;
    return await adapter.requestDevice({
      requiredLimits: {
        maxStorageBufferBindingSize: l.maxStorageBufferBindingSize,
        maxBufferSize: l.maxBufferSize,
        maxComputeWorkgroupStorageSize: l.maxComputeWorkgroupStorageSize,
      },
    });
  } catch {
    return null;
  }
}
