// Every view's URL, for the tests and scripts that visit them all (axe, screenshots).
export const COMPARED = 'saebench0125__gemma-2-2b__L12__65k__topk__t2,saebench0125__gemma-2-2b__L12__65k__matryoshka_batch_topk__t2';

export const VIEW_PAGES: readonly { name: string; path: string }[] = [
  { name: 'scatter', path: '/' },
  { name: 'pareto', path: '/?view=pareto' },
  { name: 'scaling', path: '/?view=scaling&y=scr_top20' },
  { name: 'grid', path: '/?view=grid' },
  { name: 'agreement', path: '/?view=agreement&width=' },
  { name: 'coverage', path: '/?view=coverage' },
  { name: 'table', path: '/?view=table' },
  { name: 'compare', path: `/?view=compare&cmp=${COMPARED}` },
  { name: 'rescore', path: '/?view=rescore' },
];

/** Something every view shows once it has drawn. */
export const VIEW_READY = '.plot[data-points], .matrix-view, [data-testid="sae-table"], [data-testid="compare"], section.rescore';
