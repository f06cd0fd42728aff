import { defineConfig } from 'vite';
import { pianoSamplesPlugin } from './src/audio/pianoSamplesVitePlugin';
import { testModelsPlugin } from './src/ml/testModelsVitePlugin';

/** COOP/COEP make the page cross-origin isolated, so SharedArrayBuffer and WASM threads work. */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [pianoSamplesPlugin(), testModelsPlugin()],
  // onnxruntime-web finds its .wasm/.mjs next to its own module (import.meta.url): keep it out of
  // dev pre-bundling so that URL stays inside node_modules/onnxruntime-web/dist (docs/models.md).
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  server: { headers: isolation, port: 5173 },
  preview: { headers: isolation, port: 4173 },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    // The live I/O test page (docs/live-io.md) is a second entry, so e2e specs and bench/live.ts can load it.
    rolldownOptions: { input: { main: 'index.html', liveio: 'tests/e2e/pages/liveio.html' } },
  },
});
