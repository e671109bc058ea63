// worker_threads entry for a compute worker (spawned by nodeWorkers.ts).
import { parentPort } from 'node:worker_threads';
import { handleComputeMessages } from './computeWorker.ts';
import type { ToComputeWorker } from './protocol.ts';

const port = parentPort!;
const handle = handleComputeMessages((msg, transfer) => port.postMessage(msg, (transfer ?? []) as ArrayBuffer[]));
port.on('message', (msg: ToComputeWorker) => handle(msg));
