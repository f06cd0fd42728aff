/** Starts a worker_threads Worker on a TypeScript file: the worker registers tsx, then imports the file. */
import { Worker } from 'node:worker_threads';

/** A Worker running `file` (a URL of a .ts module) with `workerData`. */
export function startTsWorker(file: URL, workerData: unknown): Worker {
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); }).catch((err) => { setTimeout(() => { throw err; }); })`;
  return new Worker(boot, { eval: true, workerData });
}
