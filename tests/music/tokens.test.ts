// The TypeScript tokenizer against the fixtures written by training/make_token_fixtures.py from the
// Python reference (training/genpatch_tokens.py): identical ids and identical decoded notes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BAR, DUR0, HOLD, METER_OTHER, VOCAB_SIZE, decodeChorale, decodeMelody, encodeChorale, encodeMelody, isDur, isNote,
  noteTokenSpans, tokenName, type TokenKey, type TokenNote,
} from '../../src/music/tokens';

interface Fixture {
  name: string;
  source: string;
  format: 'melody' | 'chorale';
  meter: [number, number];
  key: TokenKey | null;
  notes: TokenNote[];
  tokens: number[];
  decoded: { notes: TokenNote[]; meter: [number, number]; key: TokenKey | null };
}

const dir = join(__dirname, '../fixtures/tokens');
const fixtures: Fixture[] = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture);

const meterOf = (m: [number, number]) => ({ numerator: m[0], denominator: m[1] });
const encode = (fx: Fixture, notes: readonly TokenNote[] = fx.notes) => fx.format === 'melody'
  ? encodeMelody(notes, { meter: meterOf(fx.meter), key: fx.key })
  : encodeChorale(notes, { meter: meterOf(fx.meter) });
const decode = (fx: Fixture, tokens: number[]) => {
  const seq = fx.format === 'melody' ? decodeMelody(tokens) : decodeChorale(tokens);
  return {
    notes: seq.notes.map(({ pitch, start, duration, voice }) => (voice === undefined ? { pitch, start, duration } : { pitch, start, duration, voice })),
    meter: [seq.timeSignature.numerator, seq.timeSignature.denominator],
    key: 'key' in seq ? seq.key : null,
  };
};

describe('token fixtures shared with genpatch_tokens.py', () => {
  it('covers real pieces of both corpora and the edge cases', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
    expect(fixtures.filter((f) => f.name.startsWith('irish-')).length).toBeGreaterThanOrEqual(5);
    expect(fixtures.filter((f) => f.name.startsWith('jsb-')).length).toBe(3);
    expect(fixtures.some((f) => f.tokens.includes(METER_OTHER))).toBe(true);
    expect(fixtures.some((f) => f.format === 'melody' && f.tokens.includes(HOLD))).toBe(true);
  });

  for (const fx of fixtures) {
    describe(fx.name, () => {
      it('encodes to the same ids as Python', () => {
        const tokens = encode(fx);
        expect(tokens.map(tokenName)).toEqual(fx.tokens.map(tokenName));
        expect(tokens.every((t) => t >= 0 && t < VOCAB_SIZE)).toBe(true);
      });

      it('decodes to the same notes, meter and key as Python', () => {
        expect(decode(fx, fx.tokens)).toEqual(fx.decoded);
      });

      it('re-encodes its decoded notes to the same tokens', () => {
        expect(encode(fx, decode(fx, fx.tokens).notes)).toEqual(fx.tokens);
      });

      it('maps every decoded note to the tokens that make it', () => {
        const spans = noteTokenSpans(fx.tokens, fx.format);
        const notes = fx.decoded.notes;
        expect(spans.length).toBe(notes.length);
        const used = new Set<number>();
        spans.forEach((span, i) => {
          expect(fx.tokens[span[0]]).toBe(notes[i].pitch + 4);
          for (const j of span) {
            expect(used.has(j)).toBe(false);
            used.add(j);
          }
          const rest = span.slice(1).map((j) => fx.tokens[j]);
          if (fx.format === 'chorale') {
            expect(rest.every((t) => t === HOLD)).toBe(true);
            expect(span.length).toBe(notes[i].duration * 4);
          } else {
            // NOTE DUR (HOLD DUR)*: the DUR values add up to the note's length in twelfths.
            expect(rest.filter((_, k) => k % 2 === 1).every((t) => t === HOLD)).toBe(true);
            const twelfths = rest.filter((t) => isDur(t)).reduce((s, t) => s + t - DUR0, 0);
            expect(twelfths).toBe(Math.round(notes[i].duration * 12));
          }
        });
        // Every NOTE token belongs to exactly one note.
        fx.tokens.forEach((t, j) => { if (isNote(t)) expect(used.has(j)).toBe(true); });
        expect(spans.flat().some((j) => fx.tokens[j] === BAR)).toBe(false);
      });
    });
  }
});
