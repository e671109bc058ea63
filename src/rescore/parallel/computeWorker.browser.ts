// Web Worker entry for a compute worker (spawned by browserWorkers.ts).
import { handleComputeMessages } from './computeWorker.ts';
import type { ToComputeWorker } from './protocol.ts';

const scope = self as unknown as Worker;
const handle = handleComputeMessages((msg, transfer) => scope.postMessage(msg, transfer ?? []));
scope.onmessage = (e: MessageEvent<ToComputeWorker>) => handle(e.data);
