/**
 * NoteSequence → Standard MIDI File (format 1) with @tonejs/midi: a conductor track with the tempo
 * map, time signature and optional embedded patch, then one track per voice with its name, GM
 * program and channel (drum voices on channel 10, the others on the remaining fifteen in turn).
 */
import type { NoteSequence, VoiceInfo } from '../engine/values';
import { encodePatchText } from './embedPatch';
import { DRUM_CHANNEL } from './midiRead';
import { toMidiText } from './midiText';
import { Midi } from './tonejsMidi';

/** Options of `writeMidi`. */
export interface WriteMidiOptions {
  /** Ticks per quarter note (default 480). */
  ppq?: number;
  /** Patch JSON to embed, so the file reopens its patch (see `extractPatchFromMidi`). */
  patchJson?: string;
}

/** Channels 0–15 for melodic voices: every channel but the drum channel. */
const MELODIC_CHANNELS = Array.from({ length: 16 }, (_, c) => c).filter((c) => c !== DRUM_CHANNEL - 1);

/**
 * Encodes a NoteSequence as a multi-track MIDI file; `readMidi` reads it back.
 * @example
 * const bytes = writeMidi(seq, { patchJson: JSON.stringify(patch) });
 */
export function writeMidi(seq: NoteSequence, opts: WriteMidiOptions = {}): Uint8Array {
  const ppq = opts.ppq ?? 480;
  if (!Number.isInteger(ppq) || ppq < 1 || ppq > 0x7fff) {
    throw new Error(`writeMidi: ppq must be an integer 1–32767, got ${ppq}`);
  }
  if (!(seq.tempo > 0) || !Number.isFinite(seq.tempo)) throw new Error(`writeMidi: tempo must be positive, got ${seq.tempo}`);
  const toTicks = (beats: number): number => Math.max(0, Math.round(beats * ppq));
  const midi = new Midi();
  let lastNoteTick = 0;
  for (const n of seq.notes) lastNoteTick = Math.max(lastNoteTick, toTicks(n.start + n.duration));
  const meta: { type: string; text: string; ticks: number }[] = [];
  if (opts.patchJson !== undefined) meta.push({ type: 'text', text: encodePatchText(opts.patchJson), ticks: 0 });
  // Rests after the last note survive only if some event marks the end: a marker at the length.
  if (toTicks(seq.length) > lastNoteTick) meta.push({ type: 'marker', text: 'end', ticks: toTicks(seq.length) });
  midi.header.fromJSON({
    name: '',
    ppq,
    meta,
    tempos: [{ ticks: 0, bpm: seq.tempo }, ...(seq.tempoChanges ?? [])
      .filter((c) => c.beat > 0)
      .map((c) => ({ ticks: toTicks(c.beat), bpm: c.bpm }))],
    timeSignatures: [{ ticks: 0, timeSignature: [seq.timeSignature.numerator, seq.timeSignature.denominator] }],
    keySignatures: [],
  });

  let melodic = 0;
  for (const [voice, info] of voiceList(seq).entries()) {
    const track = midi.addTrack();
    track.name = toMidiText(info.name ?? '');
    track.channel = info.drums ? DRUM_CHANNEL - 1 : MELODIC_CHANNELS[melodic++ % MELODIC_CHANNELS.length];
    track.instrument.number = Math.max(0, Math.min(127, Math.round(info.program ?? 0)));
    for (const n of seq.notes) {
      if ((n.voice ?? 0) !== voice) continue;
      const ticks = toTicks(n.start);
      track.addNote({
        midi: Math.max(0, Math.min(127, Math.round(n.pitch))),
        ticks,
        durationTicks: Math.max(1, toTicks(n.start + n.duration) - ticks),
        velocity: encodableVelocity(n.velocity),
      });
    }
  }
  return midi.toArray();
}

/** One entry per voice index from 0 to the highest used by a note or described in `seq.voices`. */
function voiceList(seq: NoteSequence): VoiceInfo[] {
  let count = Math.max(1, seq.voices?.length ?? 0);
  for (const n of seq.notes) count = Math.max(count, (n.voice ?? 0) + 1);
  return Array.from({ length: count }, (_, v) => seq.voices?.[v] ?? {});
}

/**
 * @tonejs/midi writes `floor(velocity * 127)`, so 0.8 would become 101 and a tiny velocity a
 * note-off (velocity 0). This rounds to the nearest MIDI velocity 1–127 and centres the value in
 * that step, so the floor lands on it despite floating-point error.
 */
function encodableVelocity(velocity: number): number {
  const step = Math.max(1, Math.min(127, Math.round(velocity * 127)));
  return (step + 0.5) / 127;
}
