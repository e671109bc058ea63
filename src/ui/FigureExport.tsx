// PNG (300 dpi) and SVG of the view on screen, at paper sizes, with the legend where the user wants it. Files
// are made in the page (data: URLs). No PDF: no kept library makes one cheaply; an SVG goes into LaTeX
// (\includesvg) or converts losslessly (rsvg-convert, Inkscape).
import { useState } from 'react';
import { exportFileName, saveUrl } from '../export/download.ts';
import { DEFAULT_EXPORT, LEGEND_PLACES, PAPER_SIZES, PNG_DPI, PX_PER_INCH, paperFigure, type ExportOptions, type LegendPlace, type PaperSize } from '../views/paperFigure.ts';
import { exportSource, type ExportSource } from './figureRegistry.ts';
import { plotlyFor } from './plotly.ts';

/** data: URL of the source at a paper size; PNGs at 300 dpi. */
async function render(source: ExportSource, opts: ExportOptions, format: 'png' | 'svg'): Promise<string> {
  const scale = format === 'png' ? PNG_DPI / PX_PER_INCH : 1;
  const size = opts.size;
  if (source.kind === 'plotly') {
    const laidOut = source.forSize?.(size) ?? source;
    const fig = paperFigure(laidOut.figure, opts, laidOut.aspect);
    return (await plotlyFor(fig.data)).toImage({ data: fig.data, layout: fig.layout } as never, { format, width: fig.width, height: fig.height, scale });
  }
  const { svg, width, height } = source.render(size);
  const svgUrl = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  if (format === 'svg') return svgUrl;
  const img = new Image();
  img.src = svgUrl;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0);
  return canvas.toDataURL('image/png');
}

export function FigureExport({ fileParts, plotly }: { fileParts: string[]; plotly: boolean }) {
  const [opts, setOpts] = useState<ExportOptions>(DEFAULT_EXPORT);
  const [error, setError] = useState<string | null>(null);
  const save = async (format: 'png' | 'svg') => {
    const source = exportSource();
    if (!source) return;
    try {
      const url = await render(source, opts, format);
      saveUrl(exportFileName([...fileParts, opts.size], format), url);
      setError(null);
    } catch (e) {
      // Plotly rejects with the image's error Event when the browser refuses the data: URL.
      const why = e instanceof Error ? e.message
        : e instanceof Event ? "the browser would not turn the figure into an image (a content security policy without img-src data: blocks it); SVG export may still work"
          : String(e);
      setError(`Figure export failed: ${why}`);
    }
  };
  return (
    <span className="field" role="group" aria-label="Figure export">
      <span className="muted">Figure</span>
      <select value={opts.size} onChange={(e) => setOpts({ ...opts, size: e.target.value as PaperSize })} aria-label="Figure size">
        {(Object.keys(PAPER_SIZES) as PaperSize[]).map((k) => <option key={k} value={k}>{PAPER_SIZES[k].label}</option>)}
      </select>
      {plotly && (
        <select value={opts.legend} onChange={(e) => setOpts({ ...opts, legend: e.target.value as LegendPlace })} aria-label="Legend in the figure">
          {(Object.keys(LEGEND_PLACES) as LegendPlace[]).map((k) => <option key={k} value={k}>{LEGEND_PLACES[k]}</option>)}
        </select>
      )}
      {plotly && (
        <label className="check" title="Keep the on-screen title in the file (a paper's caption usually says it)">
          <input type="checkbox" checked={opts.title} onChange={(e) => setOpts({ ...opts, title: e.target.checked })} /> title
        </label>
      )}
      <button type="button" onClick={() => void save('png')}>PNG</button>
      <button type="button" onClick={() => void save('svg')}>SVG</button>
      {error && <span className="error" role="alert">{error}</span>}
    </span>
  );
}
