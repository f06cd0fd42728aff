/** Shared helpers of the ml tests: the fixture models (training/make_test_models.py) read from disk. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** tests/fixtures/models. */
export const MODELS_DIR = resolve(import.meta.dirname, '../fixtures/models');

/** Every file of a fixture model folder, by path relative to it. */
export function modelFiles(id: string): Map<string, Uint8Array> {
  const root = join(MODELS_DIR, id);
  const files = new Map<string, Uint8Array>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(root, path).split('\\').join('/'), new Uint8Array(readFileSync(path)));
    }
  };
  walk(root);
  return files;
}

/** A fixture's manifest as plain JSON, to edit in a test. */
export function manifestJson(id: string): Record<string, any> {
  return JSON.parse(readFileSync(join(MODELS_DIR, id, 'manifest.json'), 'utf8'));
}

/** The input ids and PyTorch logits a fixture was exported with. */
export function reference(id: string): { input_ids: number[]; logits: { dims: number[]; data: number[] } } {
  return JSON.parse(readFileSync(join(MODELS_DIR, id, 'reference.json'), 'utf8'));
}

/** Largest absolute difference of two equally long arrays. */
export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** `files` with `manifest.json` replaced by `manifest`. */
export function withManifest(files: Map<string, Uint8Array>, manifest: unknown): Map<string, Uint8Array> {
  return new Map([...files, ['manifest.json', new TextEncoder().encode(JSON.stringify(manifest))]]);
}
