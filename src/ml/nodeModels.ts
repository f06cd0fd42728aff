/**
 * The model service of Node hosts (the CLI, tests, benchmarks): shipped models are read from
 * public/models/<id>/ on disk and run in-process on onnxruntime-web's WASM backend (one thread),
 * loaded on first use so commands that run no model never load onnxruntime.
 */
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { InferenceBackend } from './backend';
import type { ModelSource } from './modelFiles';
import { createModelService } from './modelService';
import { OrtBackend } from './ortBackend';
import type { ModelService } from './service';

/** The repository's public/models folder, wherever the command is run from. */
export const SHIPPED_MODELS_DIR = resolve(import.meta.dirname, '../../public/models');

/**
 * A ModelSource over a folder of model folders on disk.
 * @example
 * const source = diskSource('tests/fixtures/models');
 */
export function diskSource(root: string): ModelSource {
  const shown = (id: string): string => {
    const rel = relative(process.cwd(), join(root, id));
    return rel.startsWith('..') ? join(root, id) : rel;
  };
  return {
    where: shown,
    async read(id, path) {
      try {
        return new Uint8Array(await readFile(join(root, id, path)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw new Error(`${shown(id)}/${path}: cannot read: ${(err as Error).message}`);
      }
    },
  };
}

/** An in-process onnxruntime backend (WASM, `threads` threads; WebGPU is not offered in Node). */
export async function createNodeBackend(threads = 1): Promise<InferenceBackend> {
  const ort = await import('onnxruntime-web');
  ort.env.wasm.numThreads = threads;
  ort.env.logLevel = 'error';
  return new OrtBackend({ ort, webgpuUnavailable: async () => 'WebGPU is not available in Node (onnxruntime-web runs on WASM there)' });
}

/**
 * The Node model service: models from `root` (default public/models), sessions in-process.
 * @example
 * const scheduler = new Scheduler(registry, { services: modelServices(createNodeModelService()) });
 */
export function createNodeModelService(root = SHIPPED_MODELS_DIR): ModelService {
  return createModelService({ backend: () => createNodeBackend(), source: diskSource(root) });
}
