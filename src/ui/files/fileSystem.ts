/** Saving and opening files: the File System Access API where the browser has it, else download/upload. */

/** A handle kept to save again to the same file (Chromium's File System Access API). */
export type SaveHandle = FileSystemFileHandle;

interface FsWindow {
  showSaveFilePicker?: (o: unknown) => Promise<FileSystemFileHandle>;
  showOpenFilePicker?: (o: unknown) => Promise<FileSystemFileHandle[]>;
}

const PATCH_TYPES = [{ description: 'genpatch patch', accept: { 'application/json': ['.genpatch.json', '.json'] } }];

/**
 * Saves bytes or text: to `handle` if given, else through the save picker where present, else as a
 * download. Returns the handle used (null for a download) and the file name.
 */
export async function saveFile(data: string | Uint8Array, name: string, mime: string, handle: SaveHandle | null, pick: boolean):
  Promise<{ handle: SaveHandle | null; name: string } | null> {
  const w = window as FsWindow;
  let target = handle;
  if ((!target || pick) && w.showSaveFilePicker && !isAutomated()) {
    try {
      target = await w.showSaveFilePicker({ suggestedName: name, types: mime === 'application/json' ? PATCH_TYPES : undefined });
    } catch (err) {
      if ((err as Error).name === 'AbortError') return null;
      target = null;
    }
  }
  if (target) {
    const writable = await target.createWritable();
    await writable.write(typeof data === 'string' ? data : new Blob([data as BlobPart]));
    await writable.close();
    return { handle: target, name: target.name };
  }
  download(data, name, mime);
  return { handle: null, name };
}

/** Starts a browser download of `data` named `name`. */
export function download(data: string | Uint8Array, name: string, mime: string): void {
  const blob = new Blob([data as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Lets the user pick a file to open (picker where present, else a hidden file input). */
export async function pickFile(accept: string): Promise<File | null> {
  const w = window as FsWindow;
  if (w.showOpenFilePicker && !isAutomated()) {
    try {
      const [h] = await w.showOpenFilePicker({ multiple: false });
      return h ? await h.getFile() : null;
    } catch {
      return null;
    }
  }
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.onchange = () => resolve(input.files?.[0] ?? null);
    input.click();
  });
}

/** True under browser automation, where native pickers cannot be answered (tests use downloads). */
function isAutomated(): boolean {
  return navigator.webdriver === true;
}
