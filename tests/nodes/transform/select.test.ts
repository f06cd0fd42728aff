import { describe, expect, it } from 'vitest';
import type { NoteSequence } from '../../../src/engine/values';
import { parseNotation } from '../../../src/music/notation';
import { filterNode } from '../../../nodes/transform/filter';
import { skyline, voiceSplitNode } from '../../../nodes/transform/voiceSplit';
import { runNode } from '../runNode';
import { POLKA, tune } from '../io/fixtures/irishTunes';
import { chorale, CHORALE_VOICES } from './material';

const notesOf = (outputs: Record<string, unknown>, port = 'notes'): NoteSequence => outputs[port] as NoteSequence;
const line = (seq: NoteSequence): number[][] => seq.notes.map((n) => [n.pitch, n.start, n.duration]);

describe('notes.filter', () => {
  const polka = tune(POLKA);

  it('keeps a pitch range and nothing moves', async () => {
    const out = notesOf((await runNode(filterNode, { notes: polka }, { minPitch: 71, maxPitch: 74 })).outputs);
    expect(out.notes.length).toBeGreaterThan(0);
    expect(out.notes).toEqual(polka.notes.filter((n) => n.pitch >= 71 && n.pitch <= 74));
    expect(out.length).toBe(polka.length);
  });

  it('keeps accents by velocity, a time window by start, and inverts', async () => {
    const loud = notesOf((await runNode(filterNode, { notes: polka }, { minVelocity: 0.8 })).outputs);
    expect(loud.notes.every((n) => n.velocity >= 0.8)).toBe(true);
    const soft = notesOf((await runNode(filterNode, { notes: polka }, { minVelocity: 0.8, invert: true })).outputs);
    expect(loud.notes.length + soft.notes.length).toBe(polka.notes.length);
    const bars = notesOf((await runNode(filterNode, { notes: polka }, { fromBeat: 4, toBeat: 8 })).outputs);
    expect(bars.notes).toEqual(polka.notes.filter((n) => n.start >= 4 && n.start < 8));
  });

  it('keeps one voice of a chorale', async () => {
    const out = notesOf((await runNode(filterNode, { notes: chorale() }, { voice: 2 })).outputs);
    expect(line(out)).toEqual(line(parseNotation(CHORALE_VOICES[2])));
  });
});

describe('notes.voice-split', () => {
  it('finds the soprano and the bass of a chorale with the skyline, the rest going out of "rest"', async () => {
    const satb = chorale();
    const top = await runNode(voiceSplitNode, { notes: satb }, { mode: 'highest' });
    expect(line(notesOf(top.outputs))).toEqual(line(parseNotation(CHORALE_VOICES[0])));
    expect(notesOf(top.outputs, 'rest').notes.length).toBe(satb.notes.length - 6);
    const bottom = await runNode(voiceSplitNode, { notes: satb }, { mode: 'lowest' });
    expect(line(notesOf(bottom.outputs))).toEqual(line(parseNotation(CHORALE_VOICES[3])));
  });

  it('takes a voice by index', async () => {
    const { outputs } = await runNode(voiceSplitNode, { notes: chorale() }, { mode: 'voice', voice: 1 });
    expect(line(notesOf(outputs))).toEqual(line(parseNotation(CHORALE_VOICES[1])));
    expect(notesOf(outputs, 'rest').notes.every((n) => n.voice !== 1)).toBe(true);
  });

  it('cuts a held note when a higher one enters and drops notes hidden under a higher one', () => {
    // C4 held for a whole note; E4 enters on beat 1; D4 starts under E4; G3 under C4 at the start.
    const notes = parseNotation('[C4 G3]/1').notes.concat(
      { pitch: 64, velocity: 0.8, start: 1, duration: 2 },
      { pitch: 62, velocity: 0.8, start: 2, duration: 2 },
    );
    const { line: top, used } = skyline(notes, 'highest');
    expect(top.map((n) => [n.pitch, n.start, n.duration])).toEqual([[60, 0, 1], [64, 1, 2]]);
    expect(used.size).toBe(2);
    expect(notes[0].duration).toBe(4); // the input is not changed
    const { line: bottom } = skyline(notes, 'lowest');
    expect(bottom.map((n) => [n.pitch, n.start, n.duration])).toEqual([[55, 0, 4]]);
  });
});
