/**
 * Gross pitch error of the DDSP f0 tracker (YIN via `extractFeatures`, src/dsp/features.ts) on
 * recordings of known pitch: the 64 Karoryfer Weresax alto-saxophone notes (FLAC, decoded by `sox`,
 * sample rate and bit depth untouched) and, unless --no-fluidsynth, notes of six FluidR3 GM instruments rendered by
 * `fluidsynth` (reverb and chorus off). A voiced frame is a gross error when its f0 is more than
 * 50 cents, or (the looser, common definition) more than 20 %, away from the true pitch.
 * Run: npx tsx scripts/yin-gpe.ts [--sax <flac dir>] [--soundfont <sf2>] [--no-fluidsynth]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { extractFeatures } from '../src/dsp/features';
import { readWav } from '../src/dsp/wav';
import type { AudioClip } from '../src/engine/values';
import { Midi } from '../src/music/tonejsMidi';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const saxDir = option('--sax', '/work/shared/datasets/karoryfer_weresax_alto_cc0/flac');
const soundfont = option('--soundfont', '/usr/share/sounds/sf2/FluidR3_GM.sf2');
const FRAME_RATE = 250;

/** Tallies of one set of recordings. */
interface Tally {
  name: string;
  items: number;
  /** Frames where a pitch is expected (sax: all frames; renders: inside a note, 50 ms after its onset). */
  frames: number;
  voiced: number;
  over50Cents: number;
  over20Percent: number;
  /** |cents| of the voiced frames that are not gross errors. */
  fineCents: number[];
  worst: { item: string; gpe: number }[];
}

const newTally = (name: string): Tally => ({ name, items: 0, frames: 0, voiced: 0, over50Cents: 0, over20Percent: 0, fineCents: [], worst: [] });

/** Scores one clip: `expected(m)` is the MIDI pitch at frame m, or null where none is expected. */
function score(tally: Tally, item: string, clip: AudioClip, expected: (m: number) => number | null): void {
  const { f0 } = extractFeatures(clip);
  let voiced = 0;
  let errors = 0;
  for (let m = 0; m < f0.length; m++) {
    const midi = expected(m);
    if (midi === null) continue;
    tally.frames++;
    if (!(f0[m] > 0)) continue;
    voiced++;
    const truth = 440 * 2 ** ((midi - 69) / 12);
    const cents = 1200 * Math.log2(f0[m] / truth);
    if (Math.abs(cents) > 50) errors++;
    else tally.fineCents.push(Math.abs(cents));
    if (Math.abs(f0[m] / truth - 1) > 0.2) tally.over20Percent++;
  }
  tally.items++;
  tally.voiced += voiced;
  tally.over50Cents += errors;
  tally.worst.push({ item, gpe: voiced ? errors / voiced : 0 });
}

/** Runs a command, failing with its stderr when it does not exit cleanly. */
function run(command: string, commandArgs: string[]): Buffer {
  const result = spawnSync(command, commandArgs, { maxBuffer: 1 << 30 });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed: ${result.stderr.toString()}`);
  return result.stdout;
}

const PITCH_CLASSES: Record<string, number> = { c: 0, db: 1, d: 2, eb: 3, e: 4, f: 5, gb: 6, g: 7, ab: 8, a: 9, bb: 10, b: 11 };

/** Sounding MIDI pitch of a Weresax file: its names run an octave low (db2 is MIDI 49, as the .sfz maps it). */
function saxPitch(file: string): number {
  const match = /^([a-g]b?)(\d)_/.exec(basename(file));
  if (!match) throw new Error(`${file}: cannot read a note name from the file name`);
  return 12 * (Number(match[2]) + 2) + PITCH_CLASSES[match[1]];
}

function scoreSax(dir: string): Tally {
  const tally = newTally('alto sax (Weresax, 64 notes)');
  const files = readdirSync(saxDir).filter((f) => f.endsWith('.flac')).sort();
  if (files.length === 0) throw new Error(`${saxDir}: no .flac files`);
  for (const file of files) {
    const wavFile = join(dir, 'note.wav');
    run('sox', [join(saxDir, file), wavFile]);
    const pitch = saxPitch(file);
    score(tally, file, readWav(readFileSync(wavFile), file), () => pitch);
  }
  return tally;
}

/** GM programs rendered from FluidR3, each over a range inside 50–2000 Hz, every third semitone. */
const INSTRUMENTS = [
  { name: 'flute', program: 73, low: 60, high: 93 },
  { name: 'violin', program: 40, low: 55, high: 93 },
  { name: 'cello', program: 42, low: 36, high: 72 },
  { name: 'clarinet', program: 71, low: 50, high: 86 },
  { name: 'trumpet', program: 56, low: 55, high: 82 },
  { name: 'choir aahs', program: 52, low: 48, high: 79 },
];
const NOTE_SECONDS = 1;
const GAP_SECONDS = 0.25;
const SETTLE_SECONDS = 0.05;

function scoreFluidsynth(dir: string): Tally {
  const tally = newTally('FluidR3 GM renders (6 instruments)');
  for (const instrument of INSTRUMENTS) {
    const midi = new Midi();
    const track = midi.addTrack();
    track.instrument.number = instrument.program;
    const pitches: number[] = [];
    for (let p = instrument.low; p <= instrument.high; p += 3) pitches.push(p);
    pitches.forEach((pitch, i) => track.addNote({ midi: pitch, time: i * (NOTE_SECONDS + GAP_SECONDS), duration: NOTE_SECONDS, velocity: 0.8 }));
    const midiFile = join(dir, `${instrument.name}.mid`);
    const wavFile = join(dir, `${instrument.name}.wav`);
    writeFileSync(midiFile, midi.toArray());
    run('fluidsynth', ['-ni', '-q', '-R', '0', '-C', '0', '-r', '16000', '-F', wavFile, soundfont, midiFile]);
    const clip = readWav(readFileSync(wavFile), wavFile);
    const perNote = NOTE_SECONDS + GAP_SECONDS;
    score(tally, instrument.name, clip, (m) => {
      const t = m / FRAME_RATE;
      const i = Math.floor(t / perNote);
      const inNote = t - i * perNote;
      return i < pitches.length && inNote >= SETTLE_SECONDS && inNote <= NOTE_SECONDS ? pitches[i] : null;
    });
    tally.items += pitches.length - 1; // count notes, not files
  }
  return tally;
}

const percent = (part: number, whole: number) => (whole ? ((100 * part) / whole).toFixed(2) : '–');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const workDir = mkdtempSync(join(tmpdir(), 'yin-gpe-'));
const tallies: Tally[] = [];
try {
  tallies.push(scoreSax(workDir));
  if (!args.includes('--no-fluidsynth')) tallies.push(scoreFluidsynth(workDir));
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
const header = ['recordings', 'items', 'frames', 'voiced %', 'GPE >50 cents %', 'GPE >20 % %', 'median |cents|'];
const rows = tallies.map((t) => [t.name, String(t.items), String(t.frames), percent(t.voiced, t.frames), percent(t.over50Cents, t.voiced),
  percent(t.over20Percent, t.voiced), median(t.fineCents).toFixed(2)]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(`YIN f0 (src/dsp/yin.ts: 1024-sample frames at 16 kHz, threshold 0.15, 50–2000 Hz), ${FRAME_RATE} frames/s`);
console.log(line(header));
for (const r of rows) console.log(line(r));
for (const t of tallies) {
  const worst = [...t.worst].sort((a, b) => b.gpe - a.gpe).slice(0, 4).map((w) => `${w.item} ${(100 * w.gpe).toFixed(1)} %`);
  console.log(`worst in ${t.name}: ${worst.join(', ')}`);
}
