import { describe, expect, it } from 'vitest';
import { lifeNode } from '../../../../nodes/symbolic/ca/lifeNode';
import { elementaryNode } from '../../../../nodes/symbolic/ca/elementaryNode';
import { spreadPick } from '../../../../nodes/symbolic/ca/caToNotes';
import { caToDrumsNode } from '../../../../nodes/symbolic/ca/toDrumsNode';
import { caToNotesNode } from '../../../../nodes/symbolic/ca/toNotesNode';
import type { Grid, NoteSequence } from '../../../../src/engine/values';
import { makeScale } from '../../../../src/music/theory';
import { runNode } from '../../runNode';

/** A grid from rows of '.' and '1'. */
function grid(...rows: string[]): Grid {
  return { width: rows[0].length, steps: rows.length, cells: Uint8Array.from(rows.join('').split('').map((c) => (c === '.' ? 0 : 1))) };
}
const notesOf = (o: Record<string, unknown>): NoteSequence => o.notes as NoteSequence;
const triples = (s: NoteSequence): number[][] => s.notes.map((n) => [n.start, n.pitch, n.duration]);

// Five cells spread over 5 degrees of C major pentatonic from C3 (48): 48 50 52 55 57.
const FIVE = grid('1....', '..1.1', '.....', '.1111', '1...1');

describe('ca.to-notes', () => {
  it('melody picks the lowest, highest or centroid live cell; empty steps rest', async () => {
    const base = { degrees: 5, stepDuration: 0.5, tie: false };
    const low = notesOf((await runNode(caToNotesNode, { grid: FIVE }, { ...base, pick: 'lowest' })).outputs);
    expect(triples(low)).toEqual([[0, 48, 0.5], [0.5, 52, 0.5], [1.5, 50, 0.5], [2, 48, 0.5]]);
    const high = notesOf((await runNode(caToNotesNode, { grid: FIVE }, { ...base, pick: 'highest' })).outputs);
    expect(high.notes.map((n) => n.pitch)).toEqual([48, 57, 57, 57]);
    const mid = notesOf((await runNode(caToNotesNode, { grid: FIVE }, { ...base, pick: 'centroid' })).outputs);
    expect(mid.notes.map((n) => n.pitch)).toEqual([48, 55, 55, 52]);
    expect(mid.length).toBe(2.5);
  });

  it('count and binary picks read the whole window as a number', async () => {
    const base = { degrees: 5, tie: false };
    const count = notesOf((await runNode(caToNotesNode, { grid: FIVE }, { ...base, pick: 'count' })).outputs);
    expect(count.notes.map((n) => n.pitch)).toEqual([48, 50, 55, 50]); // counts 1, 2, 4, 2 → degrees 0, 1, 3, 1
    const binary = notesOf((await runNode(caToNotesNode, { grid: FIVE }, { ...base, pick: 'binary' })).outputs);
    // values 1, 4+16=20, 2+4+8+16=30, 1+16=17, mod 5 → 1, 0, 0, 2
    expect(binary.notes.map((n) => n.pitch)).toEqual([50, 48, 48, 52]);
  });

  it('ties repeated melody pitches into longer notes', async () => {
    const { outputs } = await runNode(caToNotesNode, { grid: FIVE }, { degrees: 5, pick: 'highest', stepDuration: 1 });
    expect(triples(notesOf(outputs))).toEqual([[0, 48, 1], [1, 57, 1], [3, 57, 2]]);
  });

  it('chords mode sounds live cells, spread evenly past the voice limit; rhythm mode hits one pitch', async () => {
    const chords = notesOf((await runNode(caToNotesNode, { grid: FIVE }, { degrees: 5, mode: 'chords', maxVoices: 3 })).outputs);
    expect(chords.notes.filter((n) => n.start === 0.75).map((n) => n.pitch)).toEqual([50, 55, 57]);
    expect(spreadPick([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([1, 4, 7]);
    const hits = notesOf((await runNode(caToNotesNode, { grid: FIVE }, { mode: 'rhythm', hitPitch: 37, windowStart: 1, windowWidth: 2 })).outputs);
    expect(triples(hits)).toEqual([[0.25, 37, 0.25], [0.75, 37, 0.25]]);
  });

  it('follows a connected scale and octave', async () => {
    const aMinor = makeScale('A', 'minor');
    const { outputs } = await runNode(caToNotesNode, { grid: FIVE, scale: aMinor }, { degrees: 5, pick: 'highest', octave: 4, tie: false });
    expect(notesOf(outputs).notes.map((n) => n.pitch)).toEqual([69, 76, 76, 76]); // A4 … E5 (degree 4)
  });

  it('reads a 2D life history frame by frame, bottom row lowest', async () => {
    // 2 frames of 3 × 2: frame 0 has its top row alive, frame 1 its bottom row.
    const frames: Grid = { width: 6, steps: 2, cells: Uint8Array.of(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0) };
    const { outputs } = await runNode(caToNotesNode, { grid: frames, height: 2 }, { degrees: 2, pick: 'lowest', tie: false });
    expect(notesOf(outputs).notes.map((n) => n.pitch)).toEqual([50, 48]);
    await expect(runNode(caToNotesNode, { grid: frames, height: 4 })).rejects.toThrow(/height 4 does not divide the grid width 6/);
  });

  it('plays rule 30 as a melody inside the scale', async () => {
    const ca = (await runNode(elementaryNode, {}, { rule: 30, width: 64, steps: 32 })).outputs.grid as Grid;
    const { outputs } = await runNode(caToNotesNode, { grid: ca }, { pick: 'binary', windowStart: 32, windowWidth: 8 });
    const melody = notesOf(outputs);
    const pentatonic = [0, 2, 4, 7, 9];
    expect(melody.notes.length).toBeGreaterThan(12);
    expect(melody.notes.every((n) => pentatonic.includes(n.pitch % 12))).toBe(true);
    expect(new Set(melody.notes.map((n) => n.pitch)).size).toBeGreaterThan(5);
  });
});

describe('ca.to-drums', () => {
  it('maps chosen columns of a 1D history to GM drums with density velocity', async () => {
    const g = grid('1..1', '11..', '...1');
    const { outputs } = await runNode(caToDrumsNode, { grid: g }, { drums: 'kick 42', lanes: '0 3', minVelocity: 0.5 });
    const seq = notesOf(outputs);
    expect(seq.voices).toEqual([{ name: 'CA drums', drums: true }]);
    expect(seq.notes.map((n) => [n.start, n.pitch])).toEqual([[0, 36], [0, 42], [0.25, 36], [0.5, 42]]);
    // Kick at (0, 0): neighbours (t0: x3, x1), (t1: x3, x0, x1) → live x3@t0, x0@t1, x1@t1 = 3 of 5.
    expect(seq.notes[0].velocity).toBeCloseTo(0.5 + 0.5 * (3 / 5));
    expect(seq.length).toBe(0.75);
  });

  it('spreads lanes evenly when none are given and checks the lists', async () => {
    const g = grid('1.1.1.1.');
    const { outputs } = await runNode(caToDrumsNode, { grid: g }, { drums: '36 38' });
    expect(notesOf(outputs).notes.map((n) => n.pitch)).toEqual([36, 38]); // lanes 2 and 6
    await expect(runNode(caToDrumsNode, { grid: g }, { drums: 'kick bongo' })).rejects.toThrow(/"bongo" is not a GM drum key/);
    await expect(runNode(caToDrumsNode, { grid: g }, { drums: '36 38', lanes: '1' })).rejects.toThrow(/1 lanes given for 2 drums/);
  });

  it('plays a life glider as a step sequencer: each generation is a bar of W steps', async () => {
    const life = await runNode(lifeNode, {}, { width: 8, height: 8, steps: 4, initial: 'glider' });
    const { outputs } = await runNode(caToDrumsNode, { grid: life.outputs.grid as Grid, height: life.outputs.height as number },
      { drums: '36 38 42', lanes: '2 3 4', stepDuration: 0.25 });
    const seq = notesOf(outputs);
    expect(seq.length).toBe(4 * 8 * 0.25);
    // Generation 0: the glider sits centred at rows 2 (.O.), 3 (..O), 4 (OOO), columns 2–4.
    const bar0 = seq.notes.filter((n) => n.start < 2).map((n) => [n.start / 0.25, n.pitch]);
    expect(bar0).toEqual([[2, 42], [3, 36], [3, 42], [4, 38], [4, 42]]);
    expect(seq.notes.every((n) => n.start < 8)).toBe(true);
  });
});
