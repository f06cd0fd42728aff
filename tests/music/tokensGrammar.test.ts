// Vocabulary helpers, the scale → key parser, and the grammars a sampler uses to keep model output
// well formed (forcing a soprano and the BAR tokens in a harmonization).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng';
import { makeScale } from '../../src/music/theory';
import {
  BAR, BOS, ChoraleGrammar, DUR0, EOS, HOLD, MelodyGrammar, METER_OTHER, NOTE0, REST, VOCAB_SIZE, decodeChorale,
  decodeMelody, durToken, encodeChorale, encodeMelody, isDur, isEvent, isKey, isMeter, isNote, keyFromScale, keyToken,
  meterToken, noteToken, tokenName,
} from '../../src/music/tokens';
import { exportedNotes, type ExportedCorpus } from '../../src/music/tokensCorpus';

describe('vocabulary', () => {
  it('names all 216 ids uniquely and each id has exactly one kind', () => {
    const names = Array.from({ length: VOCAB_SIZE }, (_, i) => tokenName(i));
    expect(new Set(names).size).toBe(216);
    expect([names[0], names[1], names[2], names[3], names[64], names[132], names[133], names[134], names[181]])
      .toEqual(['<pad>', '<bos>', '<eos>', 'BAR', 'NOTE_60', 'REST', 'HOLD', 'DUR_1', 'DUR_48']);
    expect([names[182], names[194 + 9], names[209], names[215]]).toEqual(['KEY_maj_0', 'KEY_min_9', 'METER_4/4', 'METER_other']);
    for (let i = 4; i < VOCAB_SIZE; i++) {
      const kinds = [isNote(i), isDur(i), isKey(i), isMeter(i), i === REST, i === HOLD].filter(Boolean).length;
      expect(kinds, names[i]).toBe(1);
    }
    expect(() => tokenName(216)).toThrow(/outside the vocabulary/);
    expect(() => noteToken(128)).toThrow(/not a MIDI pitch/);
    expect(() => durToken(49)).toThrow(/DUR_1..DUR_48/);
    expect([meterToken({ numerator: 6, denominator: 8 }), meterToken({ numerator: 5, denominator: 4 })]).toEqual([211, METER_OTHER]);
  });

  it('reads the key of a scale value as the tokens need it', () => {
    const key = (tonic: string, name: string) => keyFromScale(makeScale(tonic, name));
    expect(key('G', 'major')).toEqual({ tonic: 7, mode: 'major' });
    expect(key('D', 'dorian')).toEqual({ tonic: 2, mode: 'minor' });
    expect(key('Bb', 'mixolydian')).toEqual({ tonic: 10, mode: 'major' });
    expect(key('F#', 'harmonic minor')).toEqual({ tonic: 6, mode: 'minor' });
    expect(key('E', 'minor pentatonic')).toEqual({ tonic: 4, mode: 'minor' });
    expect(key('A', 'major pentatonic')).toEqual({ tonic: 9, mode: 'major' });
    expect(key('C', 'chromatic')).toBeNull();
    expect(keyToken(key('D', 'dorian'))).toBe(194 + 2);
    expect(() => keyToken({ tonic: 0, mode: 'blues' })).toThrow(/unknown mode 'blues'/);
  });
});

describe('MelodyGrammar', () => {
  it('follows a melody: header, BAR on bar lines, a DUR after every event, HOLD only after a note', () => {
    const tokens = encodeMelody([{ pitch: 67, start: 0, duration: 5 }, { pitch: 69, start: 6, duration: 1 }],
      { meter: { numerator: 3, denominator: 4 }, key: { tonic: 7, mode: 'major' } });
    const g = new MelodyGrammar();
    const seen: string[] = [];
    for (const t of tokens) {
      seen.push(g.expect);
      g.push(t);
    }
    expect(tokens.map(tokenName).join(' ')).toBe('<bos> KEY_maj_7 METER_3/4 BAR NOTE_67 DUR_48 HOLD DUR_12 REST DUR_12 BAR NOTE_69 DUR_12 <eos>');
    expect(seen.join(' ')).toBe('bos header meter bar event dur event dur event dur bar event dur event');
    expect(g.expect).toBe('ended');
    const afterRest = MelodyGrammar.from(tokens.slice(0, 11));
    expect([afterRest.time, afterRest.accepts(HOLD), afterRest.accepts(NOTE0 + 60), afterRest.accepts(DUR0 + 3)]).toEqual([72, false, true, false]);
    expect(MelodyGrammar.from(tokens.slice(0, 5)).allowed()).toEqual(Array.from({ length: 48 }, (_, i) => DUR0 + 1 + i));
    expect(() => MelodyGrammar.from([BOS, 209, NOTE0 + 60])).toThrow(/token 2 of the prefix: melody token NOTE_60 is not allowed here \(expected bar/);
  });

  it('places bars after METER_other by the meter it is given', () => {
    const tokens = encodeMelody(Array.from({ length: 8 }, (_, i) => ({ pitch: 60, start: i, duration: 1 })), { meter: { numerator: 5, denominator: 4 } });
    const g = MelodyGrammar.from(tokens.slice(0, -1), { numerator: 5, denominator: 4 });
    expect(g.expect).toBe('event');
    expect(() => MelodyGrammar.from(tokens)).toThrow(/not allowed/); // read as 4/4, the BAR after beat 5 is unexpected
  });
});

describe('ChoraleGrammar', () => {
  it('tracks step, voice and due BARs through a prefix', () => {
    const g = ChoraleGrammar.from([BOS, 208]); // 3/4: 12 steps a bar
    expect([g.expect, g.step, g.voice, g.barDue, g.allowed()]).toEqual(['bar', 0, 0, true, [EOS, BAR]]);
    g.push(BAR);
    expect([g.expect, g.barDue, g.accepts(EOS), g.accepts(HOLD)]).toEqual(['voice', false, false, true]);
    for (let i = 0; i < 4 * 11 + 2; i++) g.push(i % 4 === 0 ? NOTE0 + 72 : REST);
    expect([g.step, g.voice, g.atStepStart]).toEqual([11, 2, false]);
    g.push(REST);
    g.push(REST);
    expect([g.step, g.voice, g.expect, g.barDue]).toEqual([12, 0, 'bar', true]);
    expect(() => g.push(NOTE0 + 60)).toThrow(/chorale token NOTE_60 is not allowed here \(expected bar, step 12, voice 0\)/);
  });

  it('lets a harmonizer force the soprano and the BARs of a real chorale and keep the soprano intact', () => {
    const jsb: ExportedCorpus = JSON.parse(strFromU8(gunzipSync(readFileSync(join(__dirname, '../../training/data/jsb.notes.json.gz')))));
    const tune = jsb.tunes.find((t) => t.name === 'test 1')!;
    const soprano = exportedNotes(tune).filter((n) => n.voice === 0);
    const sopranoLane = encodeChorale(soprano).filter((t) => isEvent(t)).filter((_, i) => i % 4 === 0);
    const rng = createRng(5);
    const g = new ChoraleGrammar();
    const out: number[] = [];
    const push = (t: number) => { g.push(t); out.push(t); };
    push(BOS);
    push(209);
    while (g.step < sopranoLane.length) {
      if (g.barDue) push(BAR);
      else if (g.voice === 0) push(sopranoLane[g.step]);
      else push(rng.pick(g.allowed().filter((t) => t !== EOS && (t === REST || t === HOLD || (t >= NOTE0 + 40 && t < NOTE0 + 76)))));
    }
    push(EOS);
    const seq = decodeChorale(out);
    const sop = seq.notes.filter((n) => n.voice === 0).map(({ pitch, start, duration }) => ({ pitch, start, duration }));
    expect(sop).toEqual(soprano.map(({ pitch, start, duration }) => ({ pitch, start, duration })));
    expect(new Set(seq.notes.map((n) => n.voice))).toEqual(new Set([0, 1, 2, 3]));
    expect(out.filter((t) => t === BAR).length).toBe(Math.ceil(sopranoLane.length / 16));
  });

  it('decodes a melody and a chorale into NoteSequences with meter, key, voices and whole bars', () => {
    const m = decodeMelody([BOS, 194 + 4, 211, BAR, NOTE0 + 64, DUR0 + 18, EOS], { tempo: 90, velocity: 0.5 });
    expect(m).toEqual({
      notes: [{ pitch: 64, start: 0, duration: 1.5, velocity: 0.5 }], tempo: 90,
      timeSignature: { numerator: 6, denominator: 8 }, length: 3, key: { tonic: 4, mode: 'minor' },
    });
    const c = decodeChorale([BOS, 209, BAR, NOTE0 + 72, HOLD, NOTE0 + 48, HOLD, HOLD, REST, HOLD, HOLD, EOS]);
    expect(c.notes.map((n) => [n.pitch, n.start, n.duration, n.voice])).toEqual([[72, 0, 0.5, 0], [48, 0, 0.5, 2]]);
    expect([c.length, c.voices?.map((v) => v.name)]).toEqual([4, ['soprano', 'alto', 'tenor', 'bass']]);
  });
});
