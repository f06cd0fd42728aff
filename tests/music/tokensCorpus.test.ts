// The tokenizer over the whole training corpora (training/data/*.notes.json.gz, the same notes the
// Python recipes train on): encode → decode → encode is stable, decoding keeps what the grid can
// hold, the grammars accept every sequence, and note spans cover every note.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  BAR, ChoraleGrammar, DUR0, EOS, MelodyGrammar, barSteps, barTwelfths, decodeChorale, decodeMelody, encodeChorale,
  encodeMelody, isDur, isEvent, noteTokenSpans, type TokenNote,
} from '../../src/music/tokens';
import { exportedNotes, tokenizeCorpus, type ExportedCorpus } from '../../src/music/tokensCorpus';

const load = (id: string): ExportedCorpus =>
  JSON.parse(strFromU8(gunzipSync(readFileSync(join(__dirname, `../../training/data/${id}.notes.json.gz`)))));

const irish = load('irish');
const jsb = load('jsb');
const plain = (notes: readonly TokenNote[]) => notes.map(({ pitch, start, duration, voice }) => ({ pitch, start, duration, voice: voice ?? 0 }));
const byStart = (a: TokenNote, b: TokenNote) => a.start - b.start || (a.voice ?? 0) - (b.voice ?? 0) || a.pitch - b.pitch;

describe('Irish corpus in the melody format', () => {
  const tokenized = tokenizeCorpus(irish, 'melody');

  it('holds every tune of both splits', () => {
    expect(tokenized.length).toBe(1195);
    expect(tokenized.filter((t) => t.split === 'test').length).toBe(114);
  });

  it('is stable under encode → decode → encode and the grammar accepts every tune', () => {
    irish.tunes.forEach((tune, i) => {
      const tokens = tokenized[i].tokens;
      const meter = { numerator: tune.meter[0], denominator: tune.meter[1] };
      const seq = decodeMelody(tokens);
      expect(seq.timeSignature).toEqual(meter);
      expect(encodeMelody(seq.notes, { meter, key: seq.key }), tune.name).toEqual(tokens);
      const grammar = MelodyGrammar.from(tokens);
      expect(grammar.expect).toBe('ended');
      expect(noteTokenSpans(tokens, 'melody').length).toBe(seq.notes.length);
    });
  });

  it('keeps every note of the 12th grid exactly, and off-grid notes within a twelfth', () => {
    let exact = 0;
    let offGrid = 0;
    let dropped = 0;
    irish.tunes.forEach((tune, i) => {
      const input = exportedNotes(tune).sort(byStart);
      const out = decodeMelody(tokenized[i].tokens).notes;
      const onGrid = input.every((n) => Number.isInteger(n.start * 12) && Number.isInteger(n.duration * 12));
      if (onGrid) {
        expect(plain(out), tune.name).toEqual(plain(input));
        exact++;
        return;
      }
      // Start and duration round separately, so a note may start a twelfth late where the previous
      // one's rounded end passes its start; only a grace note shorter than a twelfth can vanish so.
      let k = 0;
      for (const n of input) {
        const o = out[k];
        if (o && o.pitch === n.pitch && Math.abs(o.start - n.start) <= 1 / 12 + 1e-9) {
          expect(Math.abs(o.duration - n.duration), tune.name).toBeLessThanOrEqual(1 / 12 + 1e-9);
          k++;
        } else {
          expect(n.duration, `${tune.name}: a note at beat ${n.start} is lost`).toBeLessThan(1 / 12);
          dropped++;
        }
      }
      expect(k).toBe(out.length);
      offGrid++;
    });
    expect(exact).toBeGreaterThan(1000);
    expect(offGrid).toBeGreaterThan(100);
    expect(dropped).toBeLessThan(20);
  });

  it('writes BAR exactly before the event parts that start on a bar line', () => {
    for (const [i, tune] of irish.tunes.entries()) {
      const tokens = tokenized[i].tokens;
      const bar = barTwelfths({ numerator: tune.meter[0], denominator: tune.meter[1] });
      let t = 0;
      const wrong: number[] = [];
      tokens.forEach((tok, j) => {
        if (isEvent(tok) && (tokens[j - 1] === BAR) !== (t % bar === 0)) wrong.push(j);
        if (isDur(tok)) t += tok - DUR0;
      });
      expect(wrong, tune.name).toEqual([]);
    }
  });
});

describe('JSB chorales in the chorale format', () => {
  const tokenized = tokenizeCorpus(jsb, 'chorale');

  it('holds all 382 chorales of the three splits', () => {
    expect(tokenized.length).toBe(382);
    expect(new Set(tokenized.map((t) => t.split))).toEqual(new Set(['train', 'valid', 'test']));
  });

  it('decodes every chorale back to exactly its notes and re-encodes to the same tokens', () => {
    jsb.tunes.forEach((tune, i) => {
      const tokens = tokenized[i].tokens;
      const seq = decodeChorale(tokens);
      expect(plain(seq.notes.slice().sort(byStart)), tune.name).toEqual(plain(exportedNotes(tune).sort(byStart)));
      expect(encodeChorale(seq.notes), tune.name).toEqual(tokens);
      const spans = noteTokenSpans(tokens, 'chorale');
      expect(spans.map((s) => s.length)).toEqual(seq.notes.map((n) => n.duration * 4));
    });
  });

  it('is four voice tokens a step with BAR every bar, and the grammar follows it', () => {
    for (const { tokens, name } of tokenized) {
      const bars = tokens.filter((t) => t === BAR).length;
      const steps = (tokens.length - 3 - bars) / 4;
      expect(Number.isInteger(steps), name).toBe(true);
      expect(bars).toBe(Math.ceil(steps / barSteps({ numerator: 4, denominator: 4 })));
      const grammar = ChoraleGrammar.from(tokens.slice(0, -1));
      expect([grammar.step, grammar.voice, grammar.atStepStart]).toEqual([steps, 0, true]);
      expect(grammar.allowed()).toContain(EOS);
    }
  });
});
