/**
 * The page backend of the note renderer: Tone.js over the browser's own OfflineAudioContext, with
 * the piano samples fetched from URLs the page serves (pianoSamplesPlugin in vite.config.ts serves
 * them from node_modules in dev and copies them to dist/samples/piano/ in a build).
 */
import * as Tone from 'tone';
import type { NoteRenderer } from '../../nodes/audio/renderService';
import type { PianoBuffers } from './pianoInstrument';
import { DEFAULT_PIANO_BASE_URL } from './pianoSampleBase';
import { PIANO_SAMPLES, pianoSampleUrl } from './pianoSamples';
import { trimLeadingSilence } from './sampleTrim';
import { createToneRenderer } from './toneRenderer';


/** Options of the browser renderer. */
export interface BrowserRendererOptions {
  /** Base URL of the sample files (default '/samples/piano/'; prefix the app's base URL if it has one). */
  pianoBaseUrl?: string;
}

async function fetchPianoBuffers(baseUrl: string, sampleRate: number): Promise<PianoBuffers> {
  const decoder = new OfflineAudioContext(2, 1, sampleRate);
  const entries = await Promise.all(PIANO_SAMPLES.map(async (sample) => {
    const url = pianoSampleUrl(baseUrl, sample.file);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`piano: cannot load ${url} (HTTP ${response.status})`);
    return [sample.pitch, trimLeadingSilence(await decoder.decodeAudioData(await response.arrayBuffer()), decoder)] as const;
  }));
  return new Map(entries);
}

/**
 * A NoteRenderer for the page.
 * @example
 * const services = { renderer: createBrowserRenderer({ pianoBaseUrl: import.meta.env.BASE_URL + 'samples/piano/' }) };
 */
export function createBrowserRenderer(options: BrowserRendererOptions = {}): NoteRenderer {
  const baseUrl = options.pianoBaseUrl ?? DEFAULT_PIANO_BASE_URL;
  const pianoByRate = new Map<number, Promise<PianoBuffers>>();
  return createToneRenderer(async () => ({
    tone: Tone,
    createOfflineAudioContext: (channels, length, sampleRate) => new OfflineAudioContext(channels, length, sampleRate),
    loadPianoBuffers(sampleRate) {
      let buffers = pianoByRate.get(sampleRate);
      if (!buffers) {
        buffers = fetchPianoBuffers(baseUrl, sampleRate);
        buffers.catch(() => pianoByRate.delete(sampleRate));
        pianoByRate.set(sampleRate, buffers);
      }
      return buffers;
    },
  }));
}
