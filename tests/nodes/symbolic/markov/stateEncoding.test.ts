import { describe, expect, it } from 'vitest';
import { createSequence } from '../../../../src/music/noteSequence';
import {
  eventKey, intervalKey, lineStates, noteValueLabel, stateLabel, stateMeaning, voiceLines,
} from '../../../../nodes/symbolic/markov/stateEncoding';

const note = (pitch: number, start: number, duration: number, voice?: number) => ({ pitch, velocity: 0.8, start, duration, voice });

describe('voiceLines', () => {
  it('reads each voice as its own line, skyline of chords, inter-onset durations', () => {
    const seq = createSequence([
      note(60, 0, 0.5, 0), note(64, 0, 0.5, 0), note(62, 1, 0.5, 0), note(65, 1.5, 1, 0),
      note(40, 0, 2, 1), note(43, 2, 2, 1),
    ]);
    expect(voiceLines(seq)).toEqual([
      [{ pitch: 64, duration: 1 }, { pitch: 62, duration: 0.5 }, { pitch: 65, duration: 1 }],
      [{ pitch: 40, duration: 2 }, { pitch: 43, duration: 2 }],
    ]);
  });
});

describe('state keys', () => {
  const line = [{ pitch: 60, duration: 0.5 }, { pitch: 67, duration: 1.5 }, { pitch: 64, duration: 1 / 3 }];

  it('round-trips every kind', () => {
    expect(lineStates('pitch', line)).toEqual([60, 67, 64]);
    expect(lineStates('interval', line).map((k) => stateMeaning('interval', k).interval)).toEqual([7, -3]);
    expect(lineStates('duration', line).map((k) => stateMeaning('duration', k).beats)).toEqual([0.5, 1.5, 1 / 3]);
    const pd = stateMeaning('pitch+duration', eventKey('pitch+duration', 67, 1.5));
    expect([pd.pitch, pd.beats]).toEqual([67, 1.5]);
  });

  it('labels states as a musician reads them', () => {
    expect(stateLabel('pitch', 60)).toBe('C4');
    expect(stateLabel('interval', intervalKey(2))).toBe('+2');
    expect(stateLabel('interval', intervalKey(-5))).toBe('-5');
    expect(stateLabel('duration', eventKey('duration', 0, 0.5))).toBe('1/8');
    expect(stateLabel('pitch+duration', eventKey('pitch+duration', 61, 1.5))).toBe('C#4 3/8');
    expect(noteValueLabel(4)).toBe('1');
    expect(noteValueLabel(1 / 3)).toBe('1/12');
  });
});
