// The results a user added, kept in this browser (IndexedDB) across reloads until they remove them. What is
// kept are the files that loaded, as text, and the identity fields edited in the page; they are read again on
// load, by the same importer.
import type { IdentityEdits } from '../ingest/userRows.ts';
import type { AddedFilterValues } from '../state/userResults.ts';

export interface SavedImport {
  release: string;
  files: { path: string; text: string }[];
  edits: IdentityEdits;
  /** Filter values added for the SAEs to show (in the reloaded URL too), to be taken out when they go. */
  addedFilterValues?: AddedFilterValues;
}

const DB = 'saebench-explorer';
const STORE = 'imports';
const KEY = 'current';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('this browser keeps no data (no IndexedDB)'));
      return;
    }
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
  });
}

function request<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then((db) => new Promise<T>((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = run(tx.objectStore(STORE));
    tx.oncomplete = () => {
      db.close();
      resolve(req.result);
    };
    tx.onerror = () => {
      db.close();
      reject(tx.error ?? new Error('IndexedDB transaction failed'));
    };
  }));
}

export async function loadSavedImport(): Promise<SavedImport | null> {
  const v = await request('readonly', (s) => s.get(KEY));
  const ok = v && typeof v === 'object' && typeof (v as SavedImport).release === 'string' && Array.isArray((v as SavedImport).files);
  return ok ? (v as SavedImport) : null;
}

export const saveImport = (value: SavedImport): Promise<unknown> => request('readwrite', (s) => s.put(value, KEY));

export const clearSavedImport = (): Promise<unknown> => request('readwrite', (s) => s.delete(KEY));
