// log10 feature-density histogram as plain SVG bars.
import { log10DensityHistogram } from '../../rescore/latentMetrics.ts';

export function DensityHistogram({ density }: { density: Float64Array }) {
  const h = log10DensityHistogram(density, 32);
  const max = Math.max(1, ...h.counts);
  const W = 320;
  const H = 110;
  const bw = W / h.counts.length;
  return (
    <figure className="histogram">
      <svg width={W} height={H + 18} role="img" aria-label={`Feature density histogram; ${h.dead} dead latents`}>
        {Array.from(h.counts, (c, i) => (
          <rect key={i} x={i * bw + 1} y={H - (c / max) * H} width={bw - 2} height={(c / max) * H} fill="#0072B2">
            <title>{`log10 density ${h.edges[i]?.toFixed(2)} to ${h.edges[i + 1]?.toFixed(2)}: ${c} latents`}</title>
          </rect>
        ))}
        <text x={0} y={H + 14} fontSize={11}>{h.edges[0]}</text>
        <text x={W} y={H + 14} fontSize={11} textAnchor="end">{h.edges.at(-1)}</text>
      </svg>
      <figcaption>log10 feature density ({h.dead} dead latents not shown)</figcaption>
    </figure>
  );
}
