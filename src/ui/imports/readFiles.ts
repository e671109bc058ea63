// Files the user picked or dropped, as paths and bytes: loose files, whole folders (dropped, or picked with
// the folder input) and the .json files inside .zip archives (sizes checked before anything is inflated).
import { unzip } from 'fflate';
import { IMPORT_LIMITS, type InputFile, type ReportLine } from '../../ingest/importResults.ts';

export interface ReadOutcome {
  files: InputFile[];
  report: ReportLine[];
}

async function fromFile(file: File, path: string): Promise<InputFile> {
  return { path, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** The .json entries of a zip; refuses archives whose entries would inflate past the import limits. */
function unzipJson(zip: InputFile): Promise<ReadOutcome> {
  return new Promise((resolve) => {
    let total = 0;
    let count = 0;
    let refused: string | null = null;
    unzip(zip.bytes, {
      filter: (entry) => {
        if (!/\.json$/i.test(entry.name) || entry.name.includes('__MACOSX/')) return false;
        count++;
        total += entry.originalSize;
        if (entry.originalSize > IMPORT_LIMITS.fileBytes) refused ??= `${entry.name} would inflate to ${(entry.originalSize / 2 ** 20).toFixed(0)} MiB (limit ${IMPORT_LIMITS.fileBytes / 2 ** 20} MiB per file)`;
        if (total > IMPORT_LIMITS.totalBytes || count > IMPORT_LIMITS.files) refused ??= `the archive would inflate to more than ${IMPORT_LIMITS.totalBytes / 2 ** 20} MiB or ${IMPORT_LIMITS.files} files`;
        return refused === null;
      },
    }, (err, entries) => {
      if (refused || err) {
        resolve({ files: [], report: [{ file: zip.path, status: 'rejected', message: refused ?? `not a readable zip archive (${err?.message ?? 'unknown error'})` }] });
        return;
      }
      const files = Object.entries(entries).map(([name, bytes]) => ({ path: `${zip.path}/${name}`, bytes }));
      resolve({ files, report: [{ file: zip.path, status: 'loaded', message: `zip archive: ${files.length} .json files` }] });
    });
  });
}

/** Expands archives among the files. */
export async function expandArchives(files: readonly InputFile[]): Promise<ReadOutcome> {
  const out: ReadOutcome = { files: [], report: [] };
  for (const f of files) {
    if (!/\.zip$/i.test(f.path)) {
      out.files.push(f);
      continue;
    }
    const r = await unzipJson(f);
    out.files.push(...r.files);
    out.report.push(...r.report);
  }
  return out;
}

export async function filesFromList(list: FileList | readonly File[]): Promise<InputFile[]> {
  return Promise.all([...list].map((f) => fromFile(f, (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name)));
}

interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
  file?: (ok: (f: File) => void, fail: (e: unknown) => void) => void;
  createReader?: () => { readEntries: (ok: (es: Entry[]) => void, fail: (e: unknown) => void) => void };
}

async function walk(entry: Entry, out: InputFile[]): Promise<void> {
  if (out.length > IMPORT_LIMITS.files) return;
  if (entry.isFile && entry.file) {
    const file = await new Promise<File>((ok, fail) => entry.file!(ok, fail));
    out.push(await fromFile(file, entry.fullPath.replace(/^\//, '')));
    return;
  }
  if (entry.isDirectory && entry.createReader) {
    const reader = entry.createReader();
    for (;;) {
      const batch = await new Promise<Entry[]>((ok, fail) => reader.readEntries(ok, fail));
      if (!batch.length) break;
      for (const e of batch) await walk(e, out);
    }
  }
}

/** Dropped files and folders (folders are walked). */
export async function filesFromDrop(dt: DataTransfer): Promise<InputFile[]> {
  const entries = [...dt.items].map((i) => (i.kind === 'file' ? (i as DataTransferItem & { webkitGetAsEntry?: () => Entry | null }).webkitGetAsEntry?.() : null));
  if (entries.every((e) => !e)) return filesFromList(dt.files);
  const out: InputFile[] = [];
  for (const e of entries) if (e) await walk(e, out);
  return out;
}
