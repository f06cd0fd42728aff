/**
 * Standard MIDI File → NoteSequence. Times come from ticks and the file's PPQ (so any resolution
 * works), the tempo map and first time signature come from the meta events, and each track — or,
 * in a format 0 file, each channel — becomes one voice with its name, GM program and drum flag.
 */
import type { Note, NoteSequence, TempoChange, TimeSignature, VoiceInfo } from '../engine/values';
import { createSequence, endBeat, roundUpToBar } from './noteSequence';
import { parseMidiBytes } from './midiParse';
import { fromMidiText } from './midiText';
import type { Midi } from './tonejsMidi';

/** The General MIDI percussion channel, 10 (9 counting from 0). */
export const DRUM_CHANNEL = 10;

/** Options of `readMidi`. */
export interface ReadMidiOptions {
  /** Name used in error messages (e.g. the dropped file's name). */
  fileName?: string;
  /** One track by its `listMidiTracks` index (from 0), or every track holding notes (default). */
  track?: number | 'all';
  /** Keep only tracks on this MIDI channel, numbered 1–16 as on instruments (10 = drums). */
  channel?: number;
}

/** One track of a MIDI file, as a track picker shows it. */
export interface MidiTrackInfo {
  /** Position in the file's track list, from 0; pass it as `readMidi`'s `track` option. */
  index: number;
  name: string;
  /** MIDI channel 1–16. */
  channel: number;
  noteCount: number;
  /** General MIDI program 0–127. */
  program: number;
  drums: boolean;
}

type MidiTrack = Midi['tracks'][number];

const trackChannel = (track: MidiTrack): number => track.channel + 1;
const trackName = (track: MidiTrack): string => fromMidiText(track.name).trim();

/**
 * Lists the tracks of a MIDI file (format 0 files are split by channel) for track pickers.
 * @example
 * listMidiTracks(bytes); // [{ index: 0, name: 'Piano', channel: 1, noteCount: 212, program: 0, drums: false }]
 */
export function listMidiTracks(bytes: Uint8Array, fileName?: string): MidiTrackInfo[] {
  return parseMidiBytes(bytes, fileName).tracks.map((track, index) => ({
    index,
    name: trackName(track),
    channel: trackChannel(track),
    noteCount: track.notes.length,
    program: track.instrument.number,
    drums: trackChannel(track) === DRUM_CHANNEL,
  }));
}

/**
 * Reads a Standard MIDI File (format 0 or 1) into a NoteSequence; throws a clear Error on a broken file.
 * @example
 * const seq = readMidi(new Uint8Array(await file.arrayBuffer()), { fileName: file.name });
 */
export function readMidi(bytes: Uint8Array, opts: ReadMidiOptions = {}): NoteSequence {
  const fileName = opts.fileName ?? 'MIDI file';
  const midi = parseMidiBytes(bytes, fileName);
  const ppq = midi.header.ppq;
  const tracks = selectTracks(midi, opts, fileName);
  const notes: Note[] = [];
  tracks.forEach((track, voice) => {
    for (const n of track.notes) {
      notes.push({
        pitch: n.midi,
        velocity: Math.min(1, Math.max(0, n.velocity)),
        start: n.ticks / ppq,
        // A note-on and note-off on the same tick (common for drums) keeps one tick of length.
        duration: Math.max(1, n.durationTicks) / ppq,
        voice,
      });
    }
  });
  const timeSignature = firstTimeSignature(midi);
  const { tempo, tempoChanges } = tempoMap(midi);
  const seq = createSequence(notes, {
    tempo,
    timeSignature,
    length: roundUpToBar(Math.max(endBeat(notes), lastEventTick(midi) / ppq), timeSignature),
  });
  if (tempoChanges.length > 0) seq.tempoChanges = tempoChanges;
  seq.voices = tracks.map(voiceInfo);
  return seq;
}

/** The tracks that become voices, in file order, after the `track` and `channel` options. */
function selectTracks(midi: Midi, opts: ReadMidiOptions, fileName: string): MidiTrack[] {
  const choice = opts.track ?? 'all';
  let tracks: MidiTrack[];
  if (choice === 'all') {
    tracks = midi.tracks.filter((t) => t.notes.length > 0);
  } else {
    if (!Number.isInteger(choice) || choice < 0 || choice >= midi.tracks.length) {
      throw new Error(`${fileName}: no track ${choice} (the file has tracks 0–${midi.tracks.length - 1})`);
    }
    tracks = [midi.tracks[choice]];
  }
  if (opts.channel === undefined) return tracks;
  if (!Number.isInteger(opts.channel) || opts.channel < 1 || opts.channel > 16) {
    throw new Error(`${fileName}: channel ${opts.channel} is not a MIDI channel (expected 1–16)`);
  }
  const onChannel = tracks.filter((t) => trackChannel(t) === opts.channel);
  if (onChannel.length === 0) {
    const present = [...new Set(midi.tracks.filter((t) => t.notes.length > 0).map(trackChannel))].sort((a, b) => a - b);
    throw new Error(`${fileName}: no notes on channel ${opts.channel} (notes are on channels ${present.join(', ') || 'none'})`);
  }
  return onChannel;
}

function voiceInfo(track: MidiTrack): VoiceInfo {
  const info: VoiceInfo = { program: track.instrument.number, drums: trackChannel(track) === DRUM_CHANNEL };
  const name = trackName(track);
  if (name) info.name = name;
  return info;
}

/** The earliest time signature, or 4/4 when the file has none (the SMF default). */
function firstTimeSignature(midi: Midi): TimeSignature {
  const first = [...midi.header.timeSignatures].sort((a, b) => a.ticks - b.ticks)[0];
  const [numerator, denominator] = first?.timeSignature ?? [4, 4];
  const valid = Number.isInteger(numerator) && numerator > 0 && Number.isInteger(Math.log2(denominator));
  return valid ? { numerator, denominator } : { numerator: 4, denominator: 4 };
}

/**
 * The tempo at beat 0 and later changes. Before the first tempo event SMF tempo is 120 BPM; of
 * several events on one tick the last wins, and events that repeat the tempo in force are dropped.
 * BPM is rounded to 1/1000 to undo the microseconds-per-beat rounding of the file.
 */
function tempoMap(midi: Midi): { tempo: number; tempoChanges: TempoChange[] } {
  const byTick = new Map<number, number>();
  for (const e of [...midi.header.tempos].sort((a, b) => a.ticks - b.ticks)) {
    byTick.set(e.ticks, Math.round(e.bpm * 1000) / 1000);
  }
  const tempo = byTick.get(0) ?? 120;
  const tempoChanges: TempoChange[] = [];
  let current = tempo;
  for (const [ticks, bpm] of byTick) {
    if (ticks === 0 || bpm === current) continue;
    tempoChanges.push({ beat: ticks / midi.header.ppq, bpm });
    current = bpm;
  }
  return { tempo, tempoChanges };
}

/** The last tick of the non-note events that mark how far the music goes: track ends, markers, texts. */
function lastEventTick(midi: Midi): number {
  let last = 0;
  for (const t of midi.tracks) last = Math.max(last, t.endOfTrackTicks ?? 0);
  for (const m of midi.header.meta) last = Math.max(last, m.ticks);
  return last;
}
