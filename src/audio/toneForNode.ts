/**
 * THE HACK, kept in this one file: loading Tone.js in Node on top of node-web-audio-api.
 *
 * Tone wraps everything in standardized-audio-context, which, when its module is first evaluated,
 * reads the native constructors (OfflineAudioContext, AudioNode, AudioParam, AudioBuffer…) from the
 * global `window`. Node has no `window`, so Tone's type checks fail ("Missing the native
 * OfflineAudioContext constructor"). We put node-web-audio-api's classes on a temporary global
 * `window`, import Tone (dynamically, so this runs first), then remove `window` again so other code
 * does not mistake Node for a browser; standardized-audio-context keeps the object it captured.
 * After that, `new Tone.OfflineContext(new nodeWebAudio.OfflineAudioContext(...))` works.
 * Tone must not have been imported earlier in this process, or its checks hold the empty window.
 */
import type { ToneModule } from './toneModule';

let loading: Promise<ToneModule> | null = null;

/**
 * Tone.js wired to node-web-audio-api (imported once per process).
 * @example
 * const tone = await loadToneForNode();
 * const context = new tone.OfflineContext(new (await import('node-web-audio-api')).OfflineAudioContext(2, 44100, 44100));
 */
export function loadToneForNode(): Promise<ToneModule> {
  loading ??= (async () => {
    const webAudio = await import('node-web-audio-api');
    const globals = globalThis as Record<string, unknown>;
    const hadWindow = 'window' in globals;
    const previous = globals.window;
    globals.window = { ...webAudio };
    try {
      return await import('tone');
    } finally {
      if (hadWindow) globals.window = previous;
      else delete globals.window;
    }
  })();
  return loading;
}
