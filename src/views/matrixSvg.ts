// Matrix views (agreement, coverage) as a standalone SVG figure at a paper column width. Pure.
import { escapeHtml as xml } from './encodings.ts';
import { PAPER_SIZES, PX_PER_INCH, ptToPx, type PaperSize } from './paperFigure.ts';
import { labelWidth } from './ticks.ts';

export interface MatrixBlock {
  title: string;
  rows: string[];
  cols: string[];
  /** rows × cols, row-major. */
  cells: { text: string; fill: string; dark?: boolean }[];
}


/** Words in lines no wider than `width` at the font size. */
export function wrapText(text: string, width: number, fontPx: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && labelWidth(next, fontPx) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** A label cut (with "…") to fit `width`. */
function fitLabel(label: string, width: number, fontPx: number): string {
  if (labelWidth(label, fontPx) <= width) return label;
  let cut = label;
  while (cut.length > 1 && labelWidth(`${cut}…`, fontPx) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

export function matrixSvg(blocks: readonly MatrixBlock[], size: PaperSize, caption = ''): { svg: string; width: number; height: number } {
  const width = Math.round(PAPER_SIZES[size].inches * PX_PER_INCH);
  const font = ptToPx(PAPER_SIZES[size].textPt);
  const small = ptToPx(PAPER_SIZES[size].smallPt);
  const parts: string[] = [];
  let y = 4;
  for (const b of blocks) {
    const labelW = Math.round(width * 0.3);
    const cellW = (width - labelW - 4) / Math.max(1, b.cols.length);
    // Column labels stand vertically above their column, so no label runs past the figure's edge.
    const cellH = Math.max(font * 1.9, Math.min(cellW * 0.7, font * 3));
    const header = Math.min(width * 0.4, font * 0.6 * Math.max(...b.cols.map((c) => c.length)) + font);
    parts.push(`<text x="0" y="${y + font}" font-weight="bold">${xml(b.title)}</text>`);
    y += font * 1.6 + header;
    b.cols.forEach((c, j) => {
      const x = labelW + (j + 0.5) * cellW + font / 3;
      parts.push(`<text transform="translate(${x.toFixed(1)},${(y - 3).toFixed(1)}) rotate(-90)" font-size="${small.toFixed(2)}">${xml(c)}</text>`);
    });
    b.rows.forEach((r, i) => {
      const top = y + i * cellH;
      parts.push(`<text x="${labelW - 4}" y="${(top + cellH / 2 + font / 3).toFixed(1)}" text-anchor="end" font-size="${small.toFixed(2)}">${xml(fitLabel(r, labelW - 6, small))}</text>`);
      b.cols.forEach((_, j) => {
        const cell = b.cells[i * b.cols.length + j];
        if (!cell) return;
        const left = labelW + j * cellW;
        parts.push(`<rect x="${left.toFixed(1)}" y="${top.toFixed(1)}" width="${cellW.toFixed(1)}" height="${cellH.toFixed(1)}" fill="${xml(cell.fill)}" stroke="#ffffff"/>`);
        parts.push(`<text x="${(left + cellW / 2).toFixed(1)}" y="${(top + cellH / 2 + font / 3).toFixed(1)}" text-anchor="middle" font-size="${small.toFixed(2)}" fill="${cell.dark ? '#ffffff' : '#000000'}">${xml(cell.text)}</text>`);
      });
    });
    y += b.rows.length * cellH + font * 1.5;
  }
  for (const line of wrapText(caption, width, small)) {
    parts.push(`<text x="0" y="${(y + small).toFixed(1)}" font-size="${small.toFixed(2)}" fill="#444444">${xml(line)}</text>`);
    y += small * 1.3;
  }
  const height = Math.ceil(y);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, Helvetica, sans-serif" font-size="${font}"><rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}</svg>`;
  return { svg, width, height };
}
