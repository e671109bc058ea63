import { describe, expect, it } from 'vitest';
import { gpuFailureReason } from '../../src/gpu/failureReason.ts';

describe('what a failed WebGPU re-score says', () => {
  it('names device loss and memory in words, without Dawn internals', () => {
    expect(gpuFailureReason(new Error('x'), { message: 'Device was destroyed.' })).toBe('the GPU device was lost (Device was destroyed.)');
    const dawn = new Error('vkAllocateMemory failed with VK_ERROR_OUT_OF_DEVICE_MEMORY\n    at CheckVkOOMThenSuccessImpl (/home/runner/dawn/src/dawn/native/vulkan/VulkanError.cpp:119)');
    expect(gpuFailureReason(dawn, null)).toBe('the GPU ran out of memory for this SAE');
    expect(gpuFailureReason(new Error('Buffer is invalid.\n - While calling [Queue].Submit\n at Foo.cpp:12'), null)).toBe('Buffer is invalid.');
  });
});
