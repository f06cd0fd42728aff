/**
 * A Vite plugin that serves the piano samples to the page: in dev it answers
 * `/samples/piano/<file>` from node_modules, in a build it copies the files to
 * `dist/samples/piano/`. (`import.meta.glob` of the files cannot work: the '#' in names such as
 * 'D#4v10.mp3' reads as a URL fragment.) Used only by vite.config.ts, never by page code.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { pianoSampleDir } from './pianoSampleDir';
import { PIANO_SAMPLES } from './pianoSamples';
import { DEFAULT_PIANO_BASE_URL } from './pianoSampleBase';

/**
 * The sample file a request path asks for, or null when it is not one of the piano samples.
 * @example
 * pianoSampleForPath('/samples/piano/D%234v10.mp3'); // 'D#4v10.mp3'
 */
export function pianoSampleForPath(path: string, baseUrl = DEFAULT_PIANO_BASE_URL): string | null {
  const pathname = path.split('?')[0];
  if (!pathname.startsWith(baseUrl)) return null;
  let file: string;
  try {
    file = decodeURIComponent(pathname.slice(baseUrl.length));
  } catch {
    return null;
  }
  return PIANO_SAMPLES.some((s) => s.file === file) ? file : null;
}

/** Answers a request for a piano sample from node_modules, or passes it on. */
function servePianoSample(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const file = req.url ? pianoSampleForPath(req.url) : null;
  if (!file) return next();
  res.setHeader('Content-Type', 'audio/mpeg');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.end(readFileSync(join(pianoSampleDir(), file)));
}

/**
 * Serves (dev and preview) and emits (build) the Salamander piano samples under `/samples/piano/`.
 * @example
 * // vite.config.ts
 * export default defineConfig({ plugins: [pianoSamplesPlugin()] });
 */
export function pianoSamplesPlugin(): Plugin {
  return {
    name: 'genpatch-piano-samples',
    // Both servers need the middleware: their static handlers leave `%23` ('#') in file names encoded.
    configureServer(server) {
      server.middlewares.use(servePianoSample);
    },
    configurePreviewServer(server) {
      server.middlewares.use(servePianoSample);
    },
    generateBundle() {
      for (const { file } of PIANO_SAMPLES) {
        this.emitFile({ type: 'asset', fileName: `${DEFAULT_PIANO_BASE_URL.slice(1)}${file}`, source: readFileSync(join(pianoSampleDir(), file)) });
      }
    },
  };
}
