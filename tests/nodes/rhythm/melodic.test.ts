import { describe, expect, it } from 'vitest';
import { arpeggioCycle, spansFromNotes } from '../../../nodes/rhythm/arpeggio';
import { arpeggiatorNode } from '../../../nodes/rhythm/arpeggiatorNode';
import { derive, parseRules } from '../../../nodes/rhythm/lsystem';
import { lsystemNode } from '../../../nodes/rhythm/lsystemNode';
import { randomWalkNode } from '../../../nodes/rhythm/randomWalkNode';
import { reflectIndex, scaleLadder } from '../../../nodes/rhythm/scaleLadder';
import { parseProgression } from '../../../nodes/conditioning/chordProgression';
import type { NoteSequence } from '../../../src/engine/values';
import { makeScale } from '../../../src/music/theory';
import { runNode } from '../runNode';

const pitches = (o: Record<string, unknown>): number[] => (o.notes as NoteSequence).notes.map((n) => n.pitch);

describe('rhythm.random-walk', () => {
  it('moves only by the allowed scale steps, inside the bounds, reproducibly', async () => {
    const params = { steps: 200, stepSizes: '-2 -1 1 2', low: 60, high: 72, start: 64 };
    const a = await runNode(randomWalkNode, {}, params, { seed: 5 });
    const b = await runNode(randomWalkNode, {}, params, { seed: 5 });
    const c = await runNode(randomWalkNode, {}, params, { seed: 6 });
    expect(pitches(a.outputs)).toEqual(pitches(b.outputs));
    expect(pitches(a.outputs)).not.toEqual(pitches(c.outputs));
    const ladder = scaleLadder(makeScale('C', 'major'), 60, 72, 'test');
    const rungs = pitches(a.outputs).map((p) => ladder.indexOf(p));
    expect(rungs[0]).toBe(2); // E4
    expect(rungs.every((r) => r >= 0)).toBe(true);
    for (let i = 1; i < rungs.length; i++) {
      const move = Math.abs(rungs[i] - rungs[i - 1]);
      // A step past an end bounces back, which can land on the same rung only next to that end.
      if (move === 0) expect([0, 1, ladder.length - 2, ladder.length - 1]).toContain(rungs[i]);
      else expect([1, 2]).toContain(move);
    }
    expect(new Set(rungs).size).toBe(ladder.length); // 200 steps reach every rung of the octave
  });

  it('follows a connected scale and rests with the rest chance', async () => {
    const blues = makeScale('A', 'minor blues');
    const { outputs } = await runNode(randomWalkNode, { scale: blues }, { steps: 64, restChance: 0.5 }, { seed: 2 });
    const seq = outputs.notes as NoteSequence;
    expect(seq.notes.every((n) => blues.pitchClasses.includes(n.pitch % 12))).toBe(true);
    expect(seq.notes.length).toBeGreaterThan(16);
    expect(seq.notes.length).toBeLessThan(48);
    expect(seq.length).toBe(32);
    await expect(runNode(randomWalkNode, {}, { stepSizes: '1 two' })).rejects.toThrow(/step size "two"/);
  });

  it('reflects at the ends of the ladder', () => {
    expect([-2, -1, 0, 4, 5, 6, 9].map((i) => reflectIndex(i, 5))).toEqual([2, 1, 0, 4, 3, 2, 1]);
  });
});

describe('rhythm.arpeggiator', () => {
  it('orders a chord up, down and up-down over octaves', () => {
    expect(arpeggioCycle([64, 60, 67], 'up', 2)).toEqual([60, 64, 67, 72, 76, 79]);
    expect(arpeggioCycle([64, 60, 67], 'down', 1)).toEqual([67, 64, 60]);
    expect(arpeggioCycle([60, 64, 67], 'up-down', 2)).toEqual([60, 64, 67, 72, 76, 79, 76, 72, 67, 64]);
    expect(arpeggioCycle([64, 60, 67], 'as-played', 1)).toEqual([64, 60, 67]);
  });

  it('arpeggiates a chord progression at the rate, restarting at each chord', async () => {
    const chords = parseProgression('Am:1 F:1', { tonic: 'A', mode: 'minor', beats: 4 });
    const { outputs } = await runNode(arpeggiatorNode, { chords }, { pattern: 'up-down', rate: 0.25, octave: 3, gate: 0.5 });
    const seq = outputs.notes as NoteSequence;
    expect(seq.notes.map((n) => n.pitch)).toEqual([57, 60, 64, 60, 53, 57, 60, 57]);
    expect(seq.notes.map((n) => n.start)).toEqual([0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75]);
    expect(seq.notes.every((n) => n.duration === 0.125)).toBe(true);
  });

  it('plays held notes in the order they were pressed', async () => {
    // G4 held for 2 beats; C4 and E4 pressed together at beat 0.5 for 1 beat.
    const held: NoteSequence = {
      notes: [
        { pitch: 67, velocity: 0.8, start: 0, duration: 2 },
        { pitch: 64, velocity: 0.8, start: 0.5, duration: 1 },
        { pitch: 60, velocity: 0.8, start: 0.5, duration: 1 },
      ],
      tempo: 90, timeSignature: { numerator: 3, denominator: 4 }, length: 3,
    };
    expect(spansFromNotes(held).map((s) => [s.start, s.end, s.pitches])).toEqual([
      [0, 0.5, [67]], [0.5, 1.5, [67, 60, 64]], [1.5, 2, [67]],
    ]);
    const { outputs } = await runNode(arpeggiatorNode, { notes: held }, { pattern: 'as-played', rate: 0.25 });
    expect(pitches(outputs)).toEqual([67, 67, 67, 60, 64, 67, 67, 67]);
    expect((outputs.notes as NoteSequence).tempo).toBe(90);
    const up = await runNode(arpeggiatorNode, { notes: held }, { pattern: 'up', rate: 0.25 });
    expect(pitches(up.outputs).slice(2, 6)).toEqual([60, 64, 67, 60]);
  });

  it('random order is seeded and needs an input', async () => {
    const chords = parseProgression('Cmaj7:8', { tonic: 'C', mode: 'major', beats: 4 });
    const a = await runNode(arpeggiatorNode, { chords }, { pattern: 'random' }, { seed: 1 });
    const b = await runNode(arpeggiatorNode, { chords }, { pattern: 'random' }, { seed: 1 });
    expect(pitches(a.outputs)).toEqual(pitches(b.outputs));
    expect(new Set(pitches(a.outputs))).toEqual(new Set([60, 64, 67, 71]));
    await expect(runNode(arpeggiatorNode, {}, {})).rejects.toThrow(/connect a chords or a notes input/);
  });
});

describe('rhythm.lsystem', () => {
  it('rewrites in parallel: the Fibonacci word and algae growth', () => {
    const rules = parseRules('A=AB; B=A', 'test');
    expect(derive('A', rules, 5, 1000).text).toBe('ABAABABAABAAB');
    const lengths = [0, 1, 2, 3, 4, 5, 6].map((n) => derive('A', rules, n, 1000).text.length);
    expect(lengths).toEqual([1, 2, 3, 5, 8, 13, 21]);
    expect(derive('A', rules, 30, 100)).toEqual({ text: derive('A', rules, 10, 1000).text.slice(0, 100), truncated: true });
    expect(() => parseRules('AB=A', 'test')).toThrow(/rule "AB=A" should look like A=AB/);
  });

  it('reads the string as a turtle melody along the scale', async () => {
    const { outputs, previews } = await runNode(lsystemNode, {}, {
      axiom: 'A', rules: 'A=A+B; B=A-B', iterations: 2, start: 60, low: 48, high: 84,
    });
    // A+B+A-B: A plays C4, + raises to D4, B plays, + raises to E4, A plays, - lowers to D4, B plays.
    expect(pitches(outputs)).toEqual([60, 62, 64, 62]);
    expect(previews?.[0]).toMatchObject({ kind: 'text', text: 'A+B+A-B' });
  });

  it('supports hold, rest, up/down and bracketed branches', async () => {
    const { outputs } = await runNode(lsystemNode, {}, {
      axiom: 'F[uu]_.d', rules: '', iterations: 0, start: 60, mapping: 'F=note u=up d=down _=hold .=rest [=push ]=pop',
    });
    const seq = outputs.notes as NoteSequence;
    expect(seq.notes.map((n) => [n.pitch, n.start, n.duration])).toEqual([
      [60, 0, 0.25], [62, 0.25, 0.25], [64, 0.5, 0.5], [59, 1.25, 0.25],
    ]);
    await expect(runNode(lsystemNode, {}, { mapping: 'A=sing' })).rejects.toThrow(/mapping "A=sing"/);
  });
});
