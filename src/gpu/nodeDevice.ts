// WebGPU device for Node (tests, CLI) through the `webgpu` npm package (Dawn) and the SwiftShader Vulkan ICD
// shipped with Debian's chromium (docs/DESIGN.md §4). Returns null when no adapter is available.
//
// Two environment fixes are applied before the first adapter request:
//  - VK_ICD_FILENAMES defaults to /usr/lib/chromium/vk_swiftshader_icd.json when that file exists (tsx CLIs);
//  - when the system Vulkan loader (libvulkan1) is not installed, Dawn cannot dlopen "libvulkan.so.1" and gives a
//    null adapter. Chromium ships its own loader at /usr/lib/chromium/libvulkan.so.1; we preload it once with
//    RTLD_GLOBAL | RTLD_NODELETE through process.dlopen (which then throws "did not self-register", ignored), so
//    Dawn's later dlopen("libvulkan.so.1") resolves to the already-loaded library by its SONAME.
import { existsSync } from 'node:fs';

export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';
const CHROMIUM_VULKAN_LOADER = '/usr/lib/chromium/libvulkan.so.1';
const RTLD_NOW = 2, RTLD_GLOBAL = 0x100, RTLD_NODELETE = 0x1000;

let gpu: GPU | null = null;
let preloaded = false;

function preloadChromiumVulkanLoader(): boolean {
  if (preloaded || process.platform !== 'linux' || !existsSync(CHROMIUM_VULKAN_LOADER)) return false;
  preloaded = true;
  try {
    process.dlopen({ exports: {} } as NodeJS.Module, CHROMIUM_VULKAN_LOADER, RTLD_NOW | RTLD_GLOBAL | RTLD_NODELETE);
  } catch {
    // expected: it is not a Node addon; the library stays loaded because of RTLD_NODELETE
  }
  return true;
}

async function getGpu(): Promise<GPU> {
  if (gpu) return gpu;
  if (!process.env.VK_ICD_FILENAMES && existsSync(SWIFTSHADER_ICD)) process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  gpu = create([]) as GPU;
  return gpu;
}

export interface NodeDeviceInfo {
  device: GPUDevice;
  adapterInfo: string;
}

async function requestAdapter(): Promise<GPUAdapter | null> {
  let adapter = await (await getGpu()).requestAdapter();
  if (!adapter && preloadChromiumVulkanLoader()) {
    gpu = null;
    adapter = await (await getGpu()).requestAdapter();
  }
  return adapter;
}

/** Requests the adapter's limits for the buffer sizes and workgroup storage the engine uses. */
export function engineLimits(adapter: GPUAdapter): Record<string, number> {
  const l = adapter.limits;
  return {
    maxStorageBufferBindingSize: l.maxStorageBufferBindingSize,
    maxBufferSize: l.maxBufferSize,
    maxComputeWorkgroupStorageSize: l.maxComputeWorkgroupStorageSize,
  };
}

export async function createNodeGpuDevice(): Promise<GPUDevice | null> {
  try {
    const adapter = await requestAdapter();
    if (!adapter) return null;
    return await adapter.requestDevice({ requiredLimits: engineLimits(adapter) });
  } catch {
    return null;
  }
}

export async function nodeAdapterDescription(): Promise<string> {
  const adapter = await requestAdapter();
  if (!adapter) return 'no adapter';
  const i = adapter.info;
  return `${i.vendor} ${i.architecture} ${i.description}`.trim();
}
