/**
 * The services the page hands to node runs: the browser note renderer (Tone.js over
 * OfflineAudioContext), loaded on first use so Tone stays out of the page's startup bundle, and the
 * model service (src/ml, loaded on the first model load; onnxruntime runs in a Worker).
 */
import type { NodeServices } from '../../engine/node';
import type { NoteRenderer } from '../../../nodes/audio/renderService';
import { lazyModelService, modelServices } from '../../ml/service';

/** Node services of the browser page. */
export function createHostServices(): NodeServices {
  let renderer: Promise<NoteRenderer> | null = null;
  const load = (): Promise<NoteRenderer> => {
    renderer ??= import('../../audio/browserRenderer').then((m) =>
      m.createBrowserRenderer({ pianoBaseUrl: `${import.meta.env.BASE_URL}samples/piano/` }));
    renderer.catch(() => { renderer = null; });
    return renderer;
  };
  const lazyRenderer: NoteRenderer = { render: async (request, signal) => (await load()).render(request, signal) };
  const models = lazyModelService(() => import('../../ml/browserModels').then((m) => m.createBrowserModelService()));
  return { renderer: lazyRenderer, ...modelServices(models) };
}
