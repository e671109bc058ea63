// Why a WebGPU re-score failed, said so a user can act on it (it then falls back to the CPU engine).

/** What went wrong on the GPU, in words: device loss, memory, or the first line of the message (Dawn's
 * messages go on with source paths and call stacks nobody can act on). */
export function gpuFailureReason(e: unknown, lost: Pick<GPUDeviceLostInfo, 'message'> | null): string {
  if (lost) return `the GPU device was lost${lost.message ? ` (${firstLine(lost.message)})` : ''}`;
  const text = e instanceof Error ? e.message : String(e);
  if (/out of memory|OutOfMemory|vkAllocateMemory|allocation failed/i.test(text)) return 'the GPU ran out of memory for this SAE';
  return firstLine(text);
}
const firstLine = (t: string) => t.split('\n')[0]!.replace(/\s+-\s+While.*$/, '').replace(/\s*at\s+\S+\.(cpp|cc|h):\d+.*$/, '').slice(0, 200);
