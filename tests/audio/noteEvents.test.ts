import { describe, expect, it } from 'vitest';
import { midiToFrequency, noteEvents, renderSeconds } from '../../src/audio/noteEvents';
import { createSequence } from '../../src/music/noteSequence';

describe('noteEvents', () => {
  it('converts beats to seconds at the tempo and pitches to Hz', () => {
    const seq = createSequence([
      { pitch: 69, velocity: 0.5, start: 1, duration: 2, voice: 2 },
      { pitch: 60, velocity: 1, start: 0, duration: 1 },
    ], { tempo: 120 });
    const events = noteEvents(seq);
    expect(events.map((e) => [e.pitch, e.time, e.duration, e.voice])).toEqual([[60, 0, 0.5, 0], [69, 0.5, 1, 2]]);
    expect(events[1].frequency).toBe(440);
    expect(events[1].velocity).toBe(0.5);
  });

  it('follows tempo changes, also inside a note', () => {
    const seq = { ...createSequence([{ pitch: 60, velocity: 1, start: 1, duration: 2 }], { tempo: 120 }), tempoChanges: [{ beat: 2, bpm: 60 }] };
    const [e] = noteEvents(seq);
    expect(e.time).toBeCloseTo(0.5);
    expect(e.duration).toBeCloseTo(0.5 + 1); // one beat at 120, one at 60
  });

  it('makes the render as long as the sequence plus the tail', () => {
    const seq = createSequence([{ pitch: 60, velocity: 1, start: 0, duration: 1 }], { tempo: 60, length: 8 });
    expect(renderSeconds(seq, 1.5)).toBeCloseTo(9.5);
    expect(renderSeconds({ ...seq, length: 0.5 }, 0)).toBeCloseTo(1); // the note outlasts the length
  });

  it('maps MIDI pitches to equal temperament', () => {
    expect(midiToFrequency(57)).toBeCloseTo(220);
    expect(midiToFrequency(60)).toBeCloseTo(261.626, 3);
  });
});
