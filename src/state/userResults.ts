// The results the user added in this page (never part of the URL): the SAEs read from their files, the
// import report, the release they form and the identity fields they edited.
import { create } from 'zustand';
import type { DimensionKey } from '../catalog/columns.ts';
import type { ImportedSae, ReportLine } from '../ingest/importResults.ts';
import { DEFAULT_USER_RELEASE, type IdentityEdits } from '../ingest/userRows.ts';

/** Filter values added so that the user's SAEs show (taken out again when they go). */
export type AddedFilterValues = Partial<Record<DimensionKey, (string | number)[]>>;

export interface UserResults {
  release: string;
  saes: ImportedSae[];
  files: { path: string; text: string }[];
  edits: IdentityEdits;
  report: ReportLine[];
  /** What is being done now ("Reading 120 files…"), or null. */
  busy: string | null;
  error: string | null;
  addedFilterValues: AddedFilterValues;
  set: (patch: Partial<Omit<UserResults, 'set'>>) => void;
}

export const useUserResults = create<UserResults>()((set) => ({
  release: DEFAULT_USER_RELEASE,
  saes: [],
  files: [],
  edits: {},
  report: [],
  busy: null,
  error: null,
  addedFilterValues: {},
  set: (patch) => set(patch),
}));
