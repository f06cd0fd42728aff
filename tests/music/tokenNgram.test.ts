// The token n-gram baseline: normalised in every context, order 1 is the smoothed unigram, higher
// orders learn patterns, Kneser–Ney continuation counts act, and tuning lowers held-out NLL — on
// toy sequences where the answer is known and on real Irish tunes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng';
import { fitTokenNgram, meanNll, TokenNgram, tuneNgramDiscounts } from '../../src/music/tokenNgram';
import { tokenizeCorpus, type ExportedCorpus } from '../../src/music/tokensCorpus';
import { BOS, EOS, NOTE0, VOCAB_SIZE } from '../../src/music/tokensVocab';

const irish: ExportedCorpus = JSON.parse(strFromU8(gunzipSync(readFileSync(join(__dirname, '../../training/data/irish.notes.json.gz')))));
const tunes = tokenizeCorpus(irish, 'melody');
const train = tunes.filter((t) => t.split === 'train').slice(0, 200).map((t) => t.tokens);
const test = tunes.filter((t) => t.split === 'test').slice(0, 20).map((t) => t.tokens);
const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, x) => s + x, 0);

describe('TokenNgram', () => {
  it('gives a distribution over all 216 tokens that sums to 1 in seen, unseen and empty contexts', () => {
    const rng = createRng(3);
    const histories = [
      [BOS], test[0].slice(0, 7), test[1].slice(0, 40), train[0].slice(0, 25),
      [BOS, ...Array.from({ length: 9 }, () => rng.int(VOCAB_SIZE))], [BOS, 215, 215, 0, 0],
    ];
    for (let order = 1; order <= 8; order++) {
      const lm = TokenNgram.train(train, { order });
      for (const h of histories) {
        const dist = lm.distribution(h);
        expect(dist.length).toBe(216);
        expect(Math.abs(sum(dist) - 1), `order ${order}, history ${h.length}`).toBeLessThan(1e-9);
        expect(Math.min(...dist)).toBeGreaterThan(0);
      }
      // logProbs scores each token by the same distribution.
      const seq = test[2].slice(0, 30);
      const lp = lm.logProbs(seq);
      expect(lp.length).toBe(29);
      for (const i of [0, 3, 17, 28]) expect(lp[i]).toBeCloseTo(Math.log(lm.distribution(seq.slice(0, i + 1))[seq[i + 1]]), 12);
    }
  });

  it('at order 1 equals the absolutely discounted unigram frequencies interpolated with uniform', () => {
    const discounts: [number, number, number][] = [[0.4, 0.9, 1.7]];
    const seqs = [...train, [BOS, NOTE0 + 127, NOTE0 + 126, NOTE0 + 126, EOS]]; // a singleton and a pair
    const lm = TokenNgram.train(seqs, { order: 1, discounts });
    const counts = new Array(VOCAB_SIZE).fill(0);
    for (const seq of seqs) for (const t of seq.slice(1)) counts[t]++;
    const n = sum(counts);
    const [d1, d2, d3] = discounts[0];
    const disc = (c: number) => (c === 0 ? 0 : c === 1 ? d1 : c === 2 ? d2 : d3);
    const mass = sum(counts.map(disc));
    const expected = counts.map((c) => (c - disc(c)) / n + mass / n / VOCAB_SIZE);
    const got = lm.distribution([BOS, NOTE0 + 62, NOTE0 + 64]);
    expected.forEach((p, t) => expect(got[t]).toBeCloseTo(p, 14));
    expect([counts[NOTE0 + 127], counts[NOTE0 + 126], counts[0]]).toEqual([1, 2, 0]); // D1, D2 and unseen tokens occur
  });

  it('learns a repeated pattern at higher orders that a unigram cannot', () => {
    const pattern = [10, 20, 30, 20, 40];
    const seqs = Array.from({ length: 30 }, (_, s) => [BOS, ...Array.from({ length: 20 + s }, (_, i) => pattern[i % 5]), EOS]);
    const probe = [BOS, ...Array.from({ length: 22 }, (_, i) => pattern[i % 5])]; // … 10 20, next: 30
    const p = (order: number) => TokenNgram.train(seqs, { order }).distribution(probe);
    expect(p(1)[30]).toBeLessThan(0.25);
    // After 20 comes 30 or 40, so a bigram is unsure; "10 20" is always followed by 30.
    expect(p(2)[30]).toBeGreaterThan(0.35);
    expect(p(2)[30]).toBeLessThan(0.65);
    expect(p(3)[30]).toBeGreaterThan(0.95);
    expect(p(3)[40]).toBeLessThan(0.01);
    expect(p(6)[30]).toBeGreaterThan(0.95);
    const after = [BOS, 10, 20, 30, 20];
    expect(TokenNgram.train(seqs, { order: 2 }).distribution(after)[40]).toBeLessThan(0.6);
    expect(TokenNgram.train(seqs, { order: 3 }).distribution(after)[40]).toBeGreaterThan(0.95);
  });

  it('backs off to continuation counts: a frequent token seen after one context only gets little lower-order mass', () => {
    // Token 50 is frequent but always after 51; token 60 is rarer but follows many tokens.
    const seqs: number[][] = [];
    for (let i = 0; i < 40; i++) seqs.push([BOS, 51, 50, 51, 50, 51, 50, EOS]);
    for (let i = 0; i < 10; i++) seqs.push([BOS, 70 + i, 60, EOS]);
    const lm = TokenNgram.train(seqs, { order: 2 });
    const unseenContext = lm.distribution([BOS, 99]);
    expect(unseenContext[60]).toBeGreaterThan(2 * unseenContext[50]);
    const unigram = TokenNgram.train(seqs, { order: 1 }).distribution([BOS]);
    expect(unigram[50]).toBeGreaterThan(5 * unigram[60]); // raw frequency says the opposite
  });

  it('fits real tunes better as the order grows to 3, and tuning never worsens held-out NLL', () => {
    const nll = [1, 2, 3].map((order) => meanNll(TokenNgram.train(train, { order }), test).nll);
    expect(nll[1]).toBeLessThan(nll[0] - 0.3);
    expect(nll[2]).toBeLessThan(nll[1] - 0.2);
    const lm = TokenNgram.train(train.slice(0, 150), { order: 4 });
    const tuning = tuneNgramDiscounts(lm, train.slice(150));
    expect(tuning.nll).toBeLessThanOrEqual(tuning.startNll);
    expect(tuning.startNll - tuning.nll).toBeGreaterThan(1e-4);
    tuning.discounts.forEach(([d1, d2, d3]) => expect([d1 > 0 && d1 <= 1, d2 > 0 && d2 <= 2, d3 > 0 && d3 <= 3]).toEqual([true, true, true]));
    expect(meanNll(lm.withDiscounts(tuning.discounts), train.slice(150)).nll).toBeCloseTo(tuning.nll, 10);
    const { model } = fitTokenNgram(train, { order: 2 });
    expect(model.discounts.length).toBe(2);
    expect(meanNll(model, test).tokens).toBe(sum(test.map((s) => s.length - 1)));
  });

  it('refuses bad orders, tokens and discounts with messages that say where', () => {
    expect(() => TokenNgram.train(train, { order: 9 })).toThrow(/order 9 must be an integer 1–8/);
    expect(() => TokenNgram.train([[BOS, 5], [BOS, 216]], { order: 2 })).toThrow(/sequence 1, position 1: token 216 is outside 0..215/);
    expect(() => TokenNgram.train(train, { order: 2, discounts: [[0.5, 1, 1.5]] })).toThrow(/discounts for 2 orders, got 1/);
    expect(() => TokenNgram.train(train, { order: 1, discounts: [[1.5, 1, 1.5]] })).toThrow(/D1 of order 1 is 1.5/);
  });
});
