/** Loads the Salamander piano samples in Node: reads the MP3s from node_modules, decodes and trims them. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OfflineAudioContext } from 'node-web-audio-api';
import type { PianoBuffers } from './pianoInstrument';
import { pianoSampleDir } from './pianoSampleDir';
import { PIANO_SAMPLES } from './pianoSamples';
import { trimLeadingSilence } from './sampleTrim';

/**
 * Every piano sample decoded (and resampled) to `sampleRate`, leading silence trimmed, by MIDI pitch.
 * @example
 * const buffers = await loadNodePianoBuffers(44100); // Map(30) { 21 => AudioBuffer, … }
 */
export async function loadNodePianoBuffers(sampleRate: number): Promise<PianoBuffers> {
  const dir = pianoSampleDir();
  const decoder = new OfflineAudioContext(2, 1, sampleRate);
  const buffers = new Map<number, AudioBuffer>();
  for (const sample of PIANO_SAMPLES) {
    const bytes = await readFile(join(dir, sample.file));
    const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    try {
      const decoded = (await decoder.decodeAudioData(arrayBuffer)) as unknown as AudioBuffer;
      buffers.set(sample.pitch, trimLeadingSilence(decoded, decoder as unknown as BaseAudioContext));
    } catch (error) {
      throw new Error(`piano: cannot decode ${join(dir, sample.file)}: ${(error as Error).message}`);
    }
  }
  return buffers;
}
