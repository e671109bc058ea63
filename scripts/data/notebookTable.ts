// The HTML table a Jupyter cell printed (a pandas DataFrame's text/html output), as header + text cells.
// Pandas writes a header row whose first cell names the columns index and body rows that start with a <th>
// holding the row index; both are dropped.

export interface NotebookTable {
  columns: string[];
  rows: string[][];
}

const cellTexts = (rowHtml: string, tag: 'th' | 'td' | 'th|td'): string[] =>
  [...rowHtml.matchAll(new RegExp(`<(${tag})[^>]*>([\\s\\S]*?)</(?:${tag})>`, 'g'))].map((m) => (m[2] ?? '').trim());

export function notebookTable(notebookJson: string, cellIndex: number): NotebookTable {
  const nb = JSON.parse(notebookJson) as { cells?: { outputs?: { output_type?: string; data?: Record<string, string | string[]> }[] }[] };
  const cell = nb.cells?.[cellIndex];
  if (!cell) throw new Error(`notebook has no cell ${cellIndex}`);
  const output = cell.outputs?.find((o) => o.output_type === 'execute_result' && o.data?.['text/html']);
  if (!output) throw new Error(`cell ${cellIndex} has no HTML table output`);
  const html = ([] as string[]).concat(output.data!['text/html']!).join('');
  const head = /<thead>([\s\S]*?)<\/thead>/.exec(html)?.[1];
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1];
  if (!head || !body) throw new Error(`cell ${cellIndex}: the output is not a table`);
  const headerRow = [...head.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)][0]?.[1] ?? '';
  const columns = cellTexts(headerRow, 'th').slice(1);
  const rows = [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => cellTexts(m[1] ?? '', 'td'));
  for (const [i, r] of rows.entries()) {
    if (r.length !== columns.length) throw new Error(`cell ${cellIndex}: row ${i} has ${r.length} cells, the header ${columns.length}`);
  }
  return { columns, rows };
}
