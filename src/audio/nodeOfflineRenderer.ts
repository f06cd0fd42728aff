/**
 * The Node backend of the note renderer: Tone.js over node-web-audio-api's OfflineAudioContext
 * (Rust, renders faster than real time), with the piano samples read from node_modules.
 * The CLI and the tests inject it as `services.renderer`.
 */
import type { NoteRenderer } from '../../nodes/audio/renderService';
import { loadNodePianoBuffers } from './nodePianoSamples';
import type { PianoBuffers } from './pianoInstrument';
import { loadToneForNode } from './toneForNode';
import { createToneRenderer } from './toneRenderer';

/**
 * A NoteRenderer for Node; Tone and node-web-audio-api load on the first render, piano samples on
 * the first piano render (then stay decoded, per sample rate).
 * @example
 * const services = { renderer: createNodeOfflineRenderer() };
 */
export function createNodeOfflineRenderer(): NoteRenderer {
  return createToneRenderer(async () => {
    const [tone, webAudio] = await Promise.all([loadToneForNode(), import('node-web-audio-api')]);
    const pianoByRate = new Map<number, Promise<PianoBuffers>>();
    return {
      tone,
      createOfflineAudioContext: (channels, length, sampleRate) =>
        new webAudio.OfflineAudioContext(channels, length, sampleRate) as unknown as OfflineAudioContext,
      loadPianoBuffers(sampleRate) {
        let buffers = pianoByRate.get(sampleRate);
        if (!buffers) {
          buffers = loadNodePianoBuffers(sampleRate);
          buffers.catch(() => pianoByRate.delete(sampleRate));
          pianoByRate.set(sampleRate, buffers);
        }
        return buffers;
      },
    };
  });
}
