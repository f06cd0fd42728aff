import { defineConfig } from 'vite';
import { pianoSamplesPlugin } from './src/audio/pianoSamplesVitePlugin';

/** COOP/COEP make the page cross-origin isolated, so SharedArrayBuffer and WASM threads work. */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [pianoSamplesPlugin()],
  server: { headers: isolation, port: 5173 },
  preview: { headers: isolation, port: 4173 },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
});
