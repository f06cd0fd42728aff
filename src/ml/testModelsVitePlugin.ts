/**
 * A Vite plugin that serves the test fixture models (tests/fixtures/models/<id>/…) at
 * `/test-models/<id>/…` from the dev and preview servers, for the ml browser test. Nothing is
 * copied into a build: the shipped app carries only public/models. Used only by vite.config.ts.
 */
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, normalize, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

/** The URL prefix of the fixture models. */
export const TEST_MODELS_URL = '/test-models/';
const ROOT = resolve(import.meta.dirname, '../../tests/fixtures/models');

/** The fixture file a request path names, or null (outside the folder, or not a file). */
export function testModelFile(url: string): string | null {
  const pathname = decodeURIComponent(url.split('?')[0]);
  if (!pathname.startsWith(TEST_MODELS_URL)) return null;
  const file = normalize(join(ROOT, pathname.slice(TEST_MODELS_URL.length)));
  if (!file.startsWith(ROOT + sep)) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

function serve(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  if (!req.url?.startsWith(TEST_MODELS_URL)) return next();
  const file = testModelFile(req.url);
  if (!file) {
    res.statusCode = 404;
    res.end('no such test model file');
    return;
  }
  res.setHeader('Content-Type', file.endsWith('.json') ? 'application/json' : 'application/octet-stream');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.end(readFileSync(file));
}

/**
 * Serves tests/fixtures/models at /test-models/ in `vite` and `vite preview`.
 * @example
 * export default defineConfig({ plugins: [testModelsPlugin()] });
 */
export function testModelsPlugin(): Plugin {
  return {
    name: 'genpatch-test-models',
    configureServer(server) { server.middlewares.use(serve); },
    configurePreviewServer(server) { server.middlewares.use(serve); },
  };
}
