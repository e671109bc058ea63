// Starts one re-score on the chosen engine and returns a handle to cancel it.
// CPU: a Web Worker (the page stays responsive). GPU: WebGPU from the page.
import { rescoreGpu } from '../../gpu/gpuEngine.ts';
import { requestGpuDevice } from '../../gpu/browserDevice.ts';
import { gpuFailureReason } from '../../gpu/failureReason.ts';
import { parseBundle } from '../../rescore/bundle.ts';
import { loadSaeFromFiles } from '../../rescore/loadSae.ts';
import type { RescoreMessage, RescoreRequest } from '../../rescore/rescore.worker.ts';
import type { RescoreProgress, RescoreResult } from '../../rescore/types.ts';

export type EngineChoice = 'cpu' | 'gpu';

export interface RescoreInputs {
  name: string;
  saeFiles: Map<string, Uint8Array>;
  bundle: Uint8Array;
}

export interface RescoreOutcome {
  result: RescoreResult;
  saeName: string;
  architecture: string;
}

export interface RunningRescore {
  done: Promise<RescoreOutcome>;
  cancel: () => void;
}

function runCpu(inputs: RescoreInputs, onProgress: (p: RescoreProgress) => void): RunningRescore {
  const worker = new Worker(new URL('../../rescore/rescore.worker.ts', import.meta.url), { type: 'module' });
  let rejectRun: (e: Error) => void = () => {};
  const done = new Promise<RescoreOutcome>((resolve, reject) => {
    rejectRun = reject;
    worker.onmessage = (e: MessageEvent<RescoreMessage>) => {
      const m = e.data;
      if (m.kind === 'progress') onProgress(m.progress);
      else {
        worker.terminate();
        if (m.kind === 'done') resolve({ result: m.result, saeName: m.saeName, architecture: m.architecture });
        else reject(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the re-scoring worker failed'));
    };
  });
  const request: RescoreRequest = { saeFiles: [...inputs.saeFiles], bundle: inputs.bundle, name: inputs.name };
  worker.postMessage(request);
  return {
    done,
    cancel: () => {
      worker.terminate();
      rejectRun(new Error('Re-scoring was cancelled'));
    },
  };
}

function runGpu(inputs: RescoreInputs, onProgress: (p: RescoreProgress) => void): RunningRescore {
  const abort = new AbortController();
  let fallback: RunningRescore | null = null;
  const done = (async () => {
    const device = await requestGpuDevice();
    if (!device) throw new Error('WebGPU is not available in this browser: choose the CPU engine.');
    let lost: GPUDeviceLostInfo | null = null;
    void device.lost.then((info) => { lost = info; });
    // Errors in the files are the user's to fix on any engine; they are not a reason to fall back.
    const sae = loadSaeFromFiles(inputs.saeFiles, { name: inputs.name });
    const bundle = parseBundle(inputs.bundle);
    try {
      const result = await rescoreGpu(device, sae, bundle, { signal: abort.signal, onProgress });
      if (lost) throw new Error('device lost');
      return { result: { ...result, notes: [...sae.description.notes, ...result.notes] }, saeName: sae.description.name, architecture: sae.architecture };
    } catch (e) {
      if (abort.signal.aborted) throw e;
      const reason = gpuFailureReason(e, lost);
      device.destroy();
      fallback = runCpu(inputs, onProgress);
      const out = await fallback.done;
      return { ...out, result: { ...out.result, notes: [`WebGPU failed: ${reason}. These numbers come from the CPU engine instead.`, ...out.result.notes] } };
    }
  })();
  return {
    done,
    cancel: () => {
      abort.abort();
      fallback?.cancel();
    },
  };
}

export function startRescore(engine: EngineChoice, inputs: RescoreInputs, onProgress: (p: RescoreProgress) => void): RunningRescore {
  return engine === 'cpu' ? runCpu(inputs, onProgress) : runGpu(inputs, onProgress);
}
