// Where the dataset comes from: the bundled one, or `?data=<folder or URL>` (a folder holding manifest.json,
// saes.arrows and optionally values.arrows and prefetch/, as `npm run ingest` writes it). Another origin is
// fetched only after the user agrees.
import { isDatasetLocation } from '../state/urlCodec.ts';
import { decodeItem, splitQuery } from '../state/queryString.ts';

export interface DatasetLocation {
  /** URL of the folder, ending in "/". */
  base: string;
  /** As given in the URL; null for the bundled dataset. */
  given: string | null;
  /** Another origin: fetch only after the user agrees. */
  foreign: boolean;
}

export function bundledLocation(): DatasetLocation {
  return { base: `${import.meta.env.BASE_URL}data/`, given: null, foreign: false };
}

/** The `data` parameter of a query string, resolved against the page; null for none or an invalid one. */
export function datasetLocation(search: string, page: string): DatasetLocation | null {
  const pair = splitQuery(search).find(([k]) => decodeItem(k) === 'data');
  const given = pair ? decodeItem(pair[1]) : null;
  if (!given || !isDatasetLocation(given)) return null;
  const url = new URL(given.endsWith('/') ? given : `${given}/`, page);
  return { base: url.href, given, foreign: url.origin !== new URL(page).origin };
}
