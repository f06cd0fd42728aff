/** Autosave: the current patch text kept in IndexedDB (debounced), restored on reload. */

const DB_NAME = 'genpatch';
const STORE = 'autosave';
const KEY = 'current';

/** What is kept: the patch text, its file name and when it was saved. */
export interface AutosaveRecord {
  text: string;
  fileName: string | null;
  savedAt: number;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB: cannot open the autosave database'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const req = fn(db.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
    });
  } finally {
    db.close();
  }
}

/** Stores the record. */
export function writeAutosave(record: AutosaveRecord): Promise<unknown> {
  return withStore('readwrite', (s) => s.put(record, KEY));
}

/** The stored record, or null. */
export async function readAutosave(): Promise<AutosaveRecord | null> {
  const r = await withStore<AutosaveRecord | undefined>('readonly', (s) => s.get(KEY) as IDBRequest<AutosaveRecord | undefined>);
  return r && typeof r.text === 'string' ? r : null;
}

/**
 * Calls `save` `delayMs` after the last change signalled by `changed()`; `flush` saves at once.
 * @example
 * const saver = debouncedSaver(() => writeAutosave(rec()), 400); editor.state.subscribe(saver.changed);
 */
export function debouncedSaver(save: () => Promise<unknown>, delayMs: number): { changed(): void; flush(): Promise<void> } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: Promise<unknown> = Promise.resolve();
  const run = (): void => {
    timer = null;
    pending = save().catch((err) => console.warn('autosave failed:', err));
  };
  return {
    changed() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, delayMs);
    },
    async flush() {
      if (timer) { clearTimeout(timer); run(); }
      await pending;
    },
  };
}
