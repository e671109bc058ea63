// log10 feature-density histogram as plain SVG bars, with a count axis.
import { log10DensityHistogram } from '../../rescore/latentMetrics.ts';

export function DensityHistogram({ density }: { density: Float64Array }) {
  const h = log10DensityHistogram(density, 32);
  const max = Math.max(1, ...h.counts);
  const W = 320;
  const H = 110;
  const L = 34; // room for the count axis
  const bw = W / h.counts.length;
  const ticks = [0, Math.round(max / 2), max].filter((t, i, a) => a.indexOf(t) === i);
  return (
    <figure className="histogram">
      <svg width={L + W} height={H + 32} role="img" aria-label={`Feature density histogram; ${h.dead} dead latents`}>
        <g transform="translate(0, 4)">
          {ticks.map((t) => (
            <g key={t}>
              <line x1={L - 4} x2={L} y1={H - (t / max) * H} y2={H - (t / max) * H} stroke="#444" />
              <text x={L - 6} y={H - (t / max) * H + 4} fontSize={11} textAnchor="end">{t}</text>
            </g>
          ))}
          <line x1={L} x2={L} y1={0} y2={H} stroke="#444" />
          {Array.from(h.counts, (c, i) => (
            <rect key={i} x={L + i * bw + 1} y={H - (c / max) * H} width={bw - 2} height={(c / max) * H} fill="#0072B2">
              <title>{`log10 density ${h.edges[i]?.toFixed(2)} to ${h.edges[i + 1]?.toFixed(2)}: ${c} latents`}</title>
            </rect>
          ))}
          <text x={L} y={H + 14} fontSize={11}>{h.edges[0]}</text>
          <text x={L + W} y={H + 14} fontSize={11} textAnchor="end">{h.edges.at(-1)}</text>
          <text x={L + W / 2} y={H + 26} fontSize={11} textAnchor="middle">log10 fraction of tokens a latent fires on</text>
        </g>
      </svg>
      <figcaption>Latents per density bin (y: number of latents; {h.dead} dead latents not shown)</figcaption>
    </figure>
  );
}
