/**
 * Offline render speed of the Node note renderer (Tone.js on node-web-audio-api): seconds of audio
 * rendered per second of wall-clock time, for 30 s of music on each instrument.
 * Run: npx tsx bench/audio-render.ts
 */
import { createNodeOfflineRenderer } from '../src/audio/nodeOfflineRenderer';
import type { Note } from '../src/engine/values';
import { createSequence } from '../src/music/noteSequence';
import { defaultInstrument } from '../nodes/audio/multiInstrumentNode';
import type { InstrumentSpec } from '../nodes/audio/instrumentSpec';

const SECONDS = 30;
const TEMPO = 120;
const SAMPLE_RATE = 44100;
const beats = (SECONDS * TEMPO) / 60;

/** Eighth-note arpeggios over I–vi–IV–V plus a held triad per bar: up to 4 voices at once. */
function music(): Note[] {
  const roots = [60, 57, 53, 55];
  const notes: Note[] = [];
  for (let bar = 0; bar < beats / 4; bar++) {
    const root = roots[bar % 4];
    const triad = [root, root + (bar % 4 === 1 ? 3 : 4), root + 7];
    triad.forEach((pitch) => notes.push({ pitch: pitch - 12, velocity: 0.5, start: bar * 4, duration: 4 }));
    for (let i = 0; i < 8; i++) notes.push({ pitch: triad[i % 3] + 12 * (i >> 2), velocity: 0.7, start: bar * 4 + i / 2, duration: 0.5 });
  }
  return notes;
}

/** A rock beat: kick on 1 and 3, snare on 2 and 4, closed hats on eighths. */
function groove(): Note[] {
  const notes: Note[] = [];
  for (let b = 0; b < beats; b++) {
    notes.push({ pitch: b % 2 ? 38 : 36, velocity: 0.9, start: b, duration: 0.25 });
    notes.push({ pitch: 42, velocity: 0.6, start: b, duration: 0.25 }, { pitch: 42, velocity: 0.5, start: b + 0.5, duration: 0.25 });
  }
  return notes;
}

const renderer = createNodeOfflineRenderer();
const signal = new AbortController().signal;
const rows: string[][] = [];
for (const kind of ['poly', 'fm', 'am', 'drums', 'piano'] as const) {
  const instrument: InstrumentSpec = defaultInstrument(kind);
  const notes = createSequence(kind === 'drums' ? groove() : music(), { tempo: TEMPO, length: beats });
  // The first render of a kind loads Tone (and decodes the piano samples): warm up on a short clip.
  await renderer.render({ notes: createSequence(notes.notes.slice(0, 4), { tempo: TEMPO }), instrument, sampleRate: SAMPLE_RATE, tailSeconds: 0 }, signal);
  const t0 = performance.now();
  const clip = await renderer.render({ notes, instrument, sampleRate: SAMPLE_RATE, tailSeconds: 0 }, signal);
  const wall = (performance.now() - t0) / 1000;
  const audio = clip.channels[0].length / clip.sampleRate;
  rows.push([kind, String(notes.notes.length), audio.toFixed(1), wall.toFixed(2), (audio / wall).toFixed(1)]);
}

const header = ['instrument', 'notes', 'audio s', 'render s', 'x real time'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
console.log(`Offline render, Node (Tone.js ${(await import('tone')).version} on node-web-audio-api), ${SAMPLE_RATE} Hz stereo`);
console.log(line(header));
for (const r of rows) console.log(line(r));
