import { describe, expect, it } from 'vitest';
import type { NoteSequence } from '../../src/engine/values';
import { extractPatchFromMidi, listMidiTracks, readMidi, writeMidi } from '../../src/music/midi';
import { readSmfHeader } from '../../src/music/midiParse';

/** Three voices (one of them drums), a tempo map, 3/4 and a bar of rest at the end. */
const trio: NoteSequence = {
  tempo: 96,
  tempoChanges: [{ beat: 6, bpm: 72 }, { beat: 9, bpm: 132.5 }],
  timeSignature: { numerator: 3, denominator: 4 },
  length: 15,
  voices: [
    { name: 'Fiddle é', program: 40, drums: false },
    { name: 'Bass', program: 32, drums: false },
    { name: 'Kit', program: 0, drums: true },
  ],
  notes: [
    { pitch: 76, velocity: 0.8, start: 0, duration: 1 / 3, voice: 0 },
    { pitch: 74, velocity: 0.33, start: 1 / 3, duration: 2 / 3, voice: 0 },
    { pitch: 72, velocity: 1, start: 1.25, duration: 9.5, voice: 0 },
    { pitch: 40, velocity: 0.61, start: 0, duration: 3, voice: 1 },
    { pitch: 43, velocity: 0.5, start: 3, duration: 3, voice: 1 },
    { pitch: 36, velocity: 0.9, start: 0, duration: 0.25, voice: 2 },
    { pitch: 42, velocity: 0.002, start: 0.5, duration: 0.25, voice: 2 },
  ],
};

describe('writeMidi', () => {
  it('round-trips notes, tempo map, meter, voices and length through readMidi', () => {
    const back = readMidi(writeMidi(trio));
    expect(back.tempo).toBe(96);
    expect(back.tempoChanges).toEqual(trio.tempoChanges);
    expect(back.timeSignature).toEqual(trio.timeSignature);
    expect(back.length).toBe(15);
    expect(back.voices).toEqual(trio.voices);
    const key = (n: { voice?: number; start: number; pitch: number }) => (n.voice ?? 0) * 1e4 + n.start * 100 + n.pitch / 1000;
    const expected = [...trio.notes].sort((a, b) => key(a) - key(b));
    const got = [...back.notes].sort((a, b) => key(a) - key(b));
    expect(got).toHaveLength(expected.length);
    got.forEach((n, i) => {
      const want = expected[i];
      expect([n.pitch, n.voice]).toEqual([want.pitch, want.voice]);
      expect(n.start).toBeCloseTo(want.start, 3); // within half a tick at 480 PPQ
      expect(n.duration).toBeCloseTo(want.duration, 3);
      // MIDI has 127 velocity steps; the quietest note still sounds (1/127, not a note-off).
      expect(Math.abs(n.velocity - Math.max(1 / 127, want.velocity))).toBeLessThanOrEqual(0.5 / 127);
    });
  });

  it('writes format 1 with a conductor track, the asked PPQ, and drums on channel 10', () => {
    const bytes = writeMidi(trio, { ppq: 96 });
    expect(readSmfHeader(bytes)).toEqual({ format: 1, trackCount: 4, ppq: 96 });
    expect(listMidiTracks(bytes).map((t) => [t.name, t.channel, t.program, t.drums, t.noteCount])).toEqual([
      ['Fiddle é', 1, 40, false, 3],
      ['Bass', 2, 32, false, 2],
      ['Kit', 10, 0, true, 2],
    ]);
  });

  it('gives notes without a voice one track, and keeps quantized velocities exact', () => {
    const seq: NoteSequence = {
      tempo: 120, timeSignature: { numerator: 4, denominator: 4 }, length: 4,
      notes: Array.from({ length: 127 }, (_, i) => ({ pitch: 60, velocity: (i + 1) / 127, start: i / 32, duration: 1 / 32 })),
    };
    const back = readMidi(writeMidi(seq));
    expect(back.voices).toEqual([{ program: 0, drums: false }]);
    expect(back.notes.map((n) => Math.round(n.velocity * 127))).toEqual(seq.notes.map((_, i) => i + 1));
    expect(back.notes.every((n, i) => n.velocity === seq.notes[i].velocity)).toBe(true);
  });

  it('embeds the patch JSON and gets it back; files without one give null', () => {
    const patch = JSON.stringify({ format: 'genpatch', version: 1, meta: { title: 'Jig — ♩ = 120' }, nodes: Array(50).fill({ type: 'notes.transpose' }) });
    const bytes = writeMidi(trio, { patchJson: patch });
    expect(extractPatchFromMidi(bytes)).toBe(patch);
    expect(extractPatchFromMidi(writeMidi(trio))).toBeNull();
    const asText = new TextDecoder('latin1').decode(bytes);
    expect(asText).toContain('genpatch:');
    expect(asText).not.toContain('notes.transpose'); // stored deflated, not as plain JSON
    expect(readMidi(bytes).notes).toHaveLength(trio.notes.length); // the event does not disturb the music
  });

  it('refuses a bad PPQ or tempo', () => {
    expect(() => writeMidi(trio, { ppq: 0 })).toThrow('ppq must be an integer 1–32767');
    expect(() => writeMidi({ ...trio, tempo: 0 })).toThrow('tempo must be positive');
  });
});
