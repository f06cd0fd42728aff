import { describe, expect, it } from 'vitest';
import { decodeVoice, encodeVoice, voiceBeats } from '../../../../corpora/format';
import { monophonicEvents, stepEvents } from '../../../../corpora/melodyLine';

const tables = { unitsPerBeat: 4, pitchOffset: 27, durations: [1, 2, 4, 6] };

describe('compact corpus format', () => {
  it('round-trips notes and rests', () => {
    const text = encodeVoice([{ pitch: 60, units: 2 }, { pitch: null, units: 1 }, { pitch: 90, units: 6 }], tables);
    expect(text).toHaveLength(6);
    expect(decodeVoice(tables, text)).toEqual([
      { pitch: 60, start: 0, duration: 0.5 },
      { pitch: 90, start: 0.75, duration: 1.5 },
    ]);
    expect(voiceBeats(tables, text)).toBe(2.25);
  });

  it('refuses what does not fit, naming the event', () => {
    expect(() => encodeVoice([{ pitch: 60, units: 2 }, { pitch: 20, units: 2 }], tables)).toThrow(/event 1: pitch 20/);
    expect(() => encodeVoice([{ pitch: 60, units: 3 }], tables)).toThrow(/duration 3 units/);
    expect(() => decodeVoice(tables, 'A*')).toThrow(/bad event "A\*" at character 0/);
  });
});

describe('corpus cleaning', () => {
  it('makes a monophonic line: highest of simultaneous onsets, notes cut at the next onset, gaps as rests', () => {
    const notes = [
      { pitch: 60, start: 0.5, duration: 1 },
      { pitch: 64, start: 0.5, duration: 1 }, // chord: keep the highest
      { pitch: 62, start: 1, duration: 0.5 }, // cuts the note before
      { pitch: 65, start: 2, duration: 0.5 }, // after a rest
    ];
    expect(monophonicEvents(notes, 4)).toEqual([
      { pitch: null, units: 2 },
      { pitch: 64, units: 2 },
      { pitch: 62, units: 2 },
      { pitch: null, units: 2 },
      { pitch: 65, units: 2 },
    ]);
  });

  it('merges equal steps into held notes and -1 steps into rests', () => {
    expect(stepEvents([-1, 60, 60, 62, -1, -1, 62])).toEqual([
      { pitch: null, units: 1 }, { pitch: 60, units: 2 }, { pitch: 62, units: 1 }, { pitch: null, units: 2 }, { pitch: 62, units: 1 },
    ]);
  });
});
