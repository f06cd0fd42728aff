import { describe, expect, it } from 'vitest';
import { formatNotation, NotationError, parseMeter, parseNotation } from '../../src/music/notation';
import { quantizeToGrid } from '../../nodes/transform/quantizeGrid';
import { JIG, POLKA, tune } from '../nodes/io/fixtures/irishTunes';

/** The notes of a sequence as [pitch, start, duration, velocity] rows, for compact comparisons. */
const rows = (text: string): number[][] =>
  parseNotation(text).notes.map((n) => [n.pitch, n.start, n.duration, n.velocity]);

describe('parseNotation', () => {
  it('reads notes, note values, rests and chords', () => {
    const seq = parseNotation('C4/4 E4/8 G4/8 r/4 [C4 E4 G4]/2', { tempo: 96 });
    expect(seq.notes.map((n) => [n.pitch, n.start, n.duration])).toEqual([
      [60, 0, 1], [64, 1, 0.5], [67, 1.5, 0.5], [60, 3, 2], [64, 3, 2], [67, 3, 2],
    ]);
    expect(seq.tempo).toBe(96);
    expect(seq.length).toBe(5);
  });

  it('handles dotted, double-dotted and triplet values without drift', () => {
    const seq = parseNotation('C4/4. D4/8 E4/8t F4 G4 A4/4.. B4/16 C5/16t D5 E5');
    expect(seq.notes.map((n) => n.start)).toEqual([0, 1.5, 2, 2 + 1 / 3, 2 + 2 / 3, 3, 4.75, 5, 5 + 1 / 6, 5 + 2 / 6]);
    expect(seq.length).toBe(5.5);
  });

  it('keeps a note value until the next one and starts with a quarter', () => {
    expect(rows('C4 D4/8 E4 F4 | G4/2').map((r) => r[2])).toEqual([1, 0.5, 0.5, 0.5, 2]);
  });

  it('takes velocities per note, per chord and per chord member', () => {
    expect(rows('C4/4@0.6 D4').map((r) => r[3])).toEqual([0.6, 0.8]);
    expect(rows('[C4 E4]/2@0.5').map((r) => r[3])).toEqual([0.5, 0.5]);
    expect(rows('[C4@0.3 E4]/2@0.5').map((r) => r[3])).toEqual([0.3, 0.5]);
    expect(parseNotation('C4', { velocity: 0.4 }).notes[0].velocity).toBe(0.4);
  });

  it('reads flats, double sharps and low octaves', () => {
    expect(rows('Bb3 C##4 Cb4 C-1 G9').map((r) => r[0])).toEqual([58, 62, 59, 0, 127]);
  });

  it('counts trailing rests in the length and gives an empty clip length 0', () => {
    expect(parseNotation('C4/4 r/2').length).toBe(3);
    expect(parseNotation('  | ').length).toBe(0);
  });

  it.each([
    ['C4/4 E4/8 H4/4', 11, 'H4/4', 'not a note name'],
    ['C4/5', 1, 'C4/5', '"/5" is not a note value'],
    ['C4/4 D4/8tt', 6, 'D4/8tt', '"/8tt" is not a note value'],
    ['E4@1.5', 1, 'E4@1.5', 'velocity "1.5" must be a number above 0'],
    ['r/4@0.5', 1, 'r/4@0.5', 'a rest has no velocity'],
    ['C4 [C4 E4', 4, '[', 'chord is not closed'],
    ['[C4 X4 G4]/2', 5, 'X4', 'not a note name'],
    ['[]/4', 1, '[]/4', 'empty chord'],
    ['G#9', 1, 'G#9', 'outside the MIDI range'],
    ['C4 60', 4, '60', 'not a note name'],
  ])('reports %j at its position', (text, position, token, reason) => {
    let error: unknown;
    try { parseNotation(text); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(NotationError);
    const e = error as NotationError;
    expect([e.position, e.token]).toEqual([position, token]);
    expect(e.message).toContain(`at char ${position}, "${token}": ${reason}`);
  });
});

describe('parseMeter', () => {
  it('reads meters and refuses nonsense', () => {
    expect(parseMeter('6/8')).toEqual({ numerator: 6, denominator: 8 });
    expect(parseMeter(' 3 / 4 ')).toEqual({ numerator: 3, denominator: 4 });
    expect(() => parseMeter('4/5')).toThrow('meter "4/5" is not a time signature');
    expect(() => parseMeter('waltz')).toThrow('expected e.g. 4/4');
  });
});

describe('formatNotation', () => {
  it('writes what parseNotation reads, omitting repeated values', () => {
    const text = 'C4/8 D4 E4 [C4 E4 G4]/2@0.5 r/8 | F#4/8t@0.9 G4 A4 [C4@0.3 E4]/4.';
    const seq = parseNotation(text);
    const written = formatNotation(seq);
    expect(written).toBe('C4/8 D4 E4 [C4 E4 G4]/2@0.5 r/8 | F#4/8t@0.9 G4 A4 [C4@0.3 E4]/4.');
    expect(parseNotation(written)).toEqual(seq);
  });

  it('fills gaps with rests and writes the length out', () => {
    const seq = { ...parseNotation('C4/4'), length: 4 };
    seq.notes = [...seq.notes, { pitch: 62, velocity: 0.8, start: 2.25, duration: 0.25 }];
    expect(formatNotation(seq)).toBe('C4 r r/16 D4 r/4.');
  });

  it('round-trips a real Irish jig once it is quantized', () => {
    const jig = quantizeToGrid(tune(JIG), 2, { durations: true });
    const again = parseNotation(formatNotation(jig, { velocity: 0.63 }), {
      tempo: jig.tempo, timeSignature: jig.timeSignature, velocity: 0.63,
    });
    const velocityOf = (v: number): number => Math.round(v * 1000) / 1000;
    expect(again.notes.map((n) => [n.pitch, n.start, n.duration, n.velocity]))
      .toEqual(jig.notes.map((n) => [n.pitch, n.start, n.duration, velocityOf(n.velocity)]));
    expect(again.length).toBe(jig.length);
  });

  it('refuses what the notation cannot say', () => {
    const polka = tune(POLKA);
    expect(() => formatNotation(polka)).toThrow('is not on the note-value grid (quantize first)');
    const overlap = parseNotation('C4/2');
    overlap.notes.push({ pitch: 64, velocity: 0.8, start: 1, duration: 1 });
    expect(() => formatNotation(overlap)).toThrow('notes overlap at beat 1');
    const ragged = parseNotation('[C4 E4]/2');
    ragged.notes[1].duration = 1;
    expect(() => formatNotation(ragged)).toThrow('members of different lengths');
    const odd = parseNotation('C4/4');
    odd.notes[0].duration = 1.25;
    expect(() => formatNotation(odd)).toThrow('duration 1.25 at beat 0 is not a note value');
  });
});
