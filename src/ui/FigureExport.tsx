// PNG (300 dpi) and SVG of the figure on screen, at paper sizes. Files are made in the page (data: URLs).
import { useState } from 'react';
import { exportFileName } from '../export/download.ts';
import { PAPER_SIZES, PNG_DPI, PX_PER_INCH, paperFigure, type PaperSize } from '../views/paperFigure.ts';
import { currentFigure } from './figureRegistry.ts';
import Plotly from './plotly.ts';

function saveDataUrl(filename: string, url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function FigureExport({ fileParts }: { fileParts: string[] }) {
  const [size, setSize] = useState<PaperSize>('single');
  const [error, setError] = useState<string | null>(null);
  const save = async (format: 'png' | 'svg') => {
    const current = currentFigure();
    if (!current) return;
    const fig = paperFigure(current.figure, size, current.aspect);
    try {
      const url = await Plotly.toImage({ data: fig.data, layout: fig.layout } as never, {
        format, width: fig.width, height: fig.height, scale: format === 'png' ? PNG_DPI / PX_PER_INCH : 1,
      });
      saveDataUrl(exportFileName([...fileParts, size], format), url);
      setError(null);
    } catch (e) {
      setError(`Figure export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <span className="field" role="group" aria-label="Figure export">
      <label>
        Figure{' '}
        <select value={size} onChange={(e) => setSize(e.target.value as PaperSize)} aria-label="Figure size">
          {(Object.keys(PAPER_SIZES) as PaperSize[]).map((k) => <option key={k} value={k}>{PAPER_SIZES[k].label}</option>)}
        </select>
      </label>
      <button type="button" onClick={() => void save('png')}>PNG</button>
      <button type="button" onClick={() => void save('svg')}>SVG</button>
      {error && <span className="error" role="alert">{error}</span>}
    </span>
  );
}
