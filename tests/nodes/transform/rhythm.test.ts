import { describe, expect, it } from 'vitest';
import type { NoteSequence } from '../../../src/engine/values';
import { parseNotation } from '../../../src/music/notation';
import { quantizeGridNode } from '../../../nodes/transform/quantizeGrid';
import { timeStretchNode } from '../../../nodes/transform/timeStretch';
import { humanizeNode } from '../../../nodes/transform/humanize';
import { runNode } from '../runNode';
import { JIG, POLKA, tune } from '../io/fixtures/irishTunes';

const notesOf = (outputs: Record<string, unknown>): NoteSequence => outputs.notes as NoteSequence;
const TICK = 1 / 480;

describe('notes.quantize-grid', () => {
  it('snaps the late starts of a real tune exactly onto the eighth grid', async () => {
    const polka = tune(POLKA);
    expect(polka.notes.every((n) => Math.abs(n.start % 0.25 - TICK) < 1e-9)).toBe(true);
    const out = notesOf((await runNode(quantizeGridNode, { notes: polka }, { grid: '1/16' })).outputs);
    expect(out.notes.map((n) => n.start)).toEqual(polka.notes.map((n) => Math.round((n.start - TICK) * 4) / 4));
    expect(out.notes.every((n, i) => Math.abs(n.start - (polka.notes[i].start - TICK)) < 1e-9)).toBe(true);
    expect(out.notes.every((n, i) => Math.abs(n.duration - (polka.notes[i].duration + TICK)) < 1e-9)).toBe(true);
  });

  it('moves notes only part of the way at lower strength, and keeps durations when told', async () => {
    const seq = parseNotation('C4/8 D4 E4');
    seq.notes.forEach((n, i) => { n.start += i === 1 ? 0.1 : -0.05 * i; });
    const half = notesOf((await runNode(quantizeGridNode, { notes: seq }, { grid: '1/8', strength: 0.5, durations: false })).outputs);
    expect(half.notes.map((n) => Math.round(n.start * 1e9) / 1e9)).toEqual([0, 0.55, 0.95]);
    expect(half.notes.map((n) => n.duration)).toEqual([0.5, 0.5, 0.5]);
    const none = notesOf((await runNode(quantizeGridNode, { notes: seq }, { strength: 0 })).outputs);
    expect(none.notes).toEqual(seq.notes);
  });

  it('quantizes to triplets and never leaves a note shorter than one step', async () => {
    const seq = parseNotation('C4/16 D4 E4 F4');
    const out = notesOf((await runNode(quantizeGridNode, { notes: seq }, { grid: '1/8t' })).outputs);
    expect(out.notes.map((n) => [n.start, n.duration])).toEqual([[0, 1 / 3], [1 / 3, 1 / 3], [2 / 3, 1 / 3], [2 / 3, 1 / 3]]);
  });
});

describe('notes.time-stretch', () => {
  it('doubles every time by a factor, keeping the tempo', async () => {
    const jig = tune(JIG);
    const out = notesOf((await runNode(timeStretchNode, { notes: jig }, { factor: 2 })).outputs);
    expect(out.length).toBe(2 * jig.length);
    expect(out.tempo).toBe(jig.tempo);
    expect(out.notes.map((n) => [n.pitch, n.start, n.duration])).toEqual(jig.notes.map((n) => [n.pitch, 2 * n.start, 2 * n.duration]));
  });

  it('fits a sequence to a target length, moving tempo changes with it', async () => {
    const seq: NoteSequence = { ...parseNotation('C4/2 D4 E4/1'), tempoChanges: [{ beat: 4, bpm: 90 }] };
    const out = notesOf((await runNode(timeStretchNode, { notes: seq }, { mode: 'length', length: 4 })).outputs);
    expect(out.length).toBe(4);
    expect(out.notes.map((n) => [n.start, n.duration])).toEqual([[0, 1], [1, 1], [2, 2]]);
    expect(out.tempoChanges).toEqual([{ beat: 2, bpm: 90 }]);
  });

  it('refuses to stretch an empty clip to a length', async () => {
    await expect(runNode(timeStretchNode, { notes: parseNotation('') }, { mode: 'length' })).rejects.toThrow('notes.time-stretch: the input has length 0');
  });
});

describe('notes.humanize', () => {
  const jig = tune(JIG); // 160 BPM: 1 ms = 160/60000 beats
  const run = async (seed: number, params: Record<string, unknown> = {}): Promise<NoteSequence> =>
    notesOf((await runNode(humanizeNode, { notes: jig }, { timing: 20, velocity: 0.1, ...params }, { seed })).outputs);

  it('is the same performance for the same seed and a different one for another seed', async () => {
    const a = await run(7);
    expect(await run(7)).toEqual(a);
    const b = await run(8);
    expect(b.notes.map((n) => n.start)).not.toEqual(a.notes.map((n) => n.start));
    expect(b.notes.map((n) => n.velocity)).not.toEqual(a.notes.map((n) => n.velocity));
  });

  it('jitters timing by about the asked milliseconds, never beyond two deviations', async () => {
    const out = await run(3, { velocity: 0 });
    const ms = out.notes.map((n, i) => ((n.start - jig.notes[i].start) * 60000) / jig.tempo);
    const sd = Math.sqrt(ms.reduce((s, x) => s + x * x, 0) / ms.length);
    expect(sd).toBeGreaterThan(14);
    expect(sd).toBeLessThan(24);
    expect(Math.max(...ms.map(Math.abs))).toBeLessThanOrEqual(40 + 1e-6);
    expect(out.notes.map((n) => n.velocity)).toEqual(jig.notes.map((n) => n.velocity));
    expect(out.notes.map((n) => n.duration)).toEqual(jig.notes.map((n) => n.duration));
  });

  it('keeps velocity jitter apart from timing: changing one leaves the other', async () => {
    const a = await run(5, { timing: 20 });
    const b = await run(5, { timing: 40 });
    expect(b.notes.map((n) => n.velocity)).toEqual(a.notes.map((n) => n.velocity));
    expect(a.notes.every((n) => n.velocity >= 1 / 127 && n.velocity <= 1)).toBe(true);
  });

  it('reads the timing amount in beats when told', async () => {
    const out = await run(2, { timing: 0.25, timingUnit: 'beats', velocity: 0 });
    const shifts = out.notes.map((n, i) => n.start - jig.notes[i].start);
    expect(Math.max(...shifts.map(Math.abs))).toBeGreaterThan(0.1);
    expect(Math.max(...shifts.map(Math.abs))).toBeLessThanOrEqual(0.5 + 1e-9);
  });
});
