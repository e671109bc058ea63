// The body of a compute worker, independent of where it runs: init builds a UnitEncoder, each unit is encoded and
// posted back with its buffers transferred.
import { UnitEncoder } from '../unitEncoder.ts';
import { unitOutputTransfer, type FromComputeWorker, type ToComputeWorker } from './protocol.ts';

export function handleComputeMessages(post: (msg: FromComputeWorker, transfer?: Transferable[]) => void): (msg: ToComputeWorker) => void {
  let encoder: UnitEncoder | undefined;
  return (msg) => {
    try {
      if (msg.kind === 'init') {
        encoder = new UnitEncoder(msg.job);
        post({ kind: 'ready' });
      } else {
        if (!encoder) throw new Error('compute worker: unit before init');
        const out = encoder.process(msg.unit);
        post({ kind: 'unit', out }, unitOutputTransfer(out));
      }
    } catch (err) {
      post({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };
}
