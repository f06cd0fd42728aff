import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/engine/rng';
import type { Chords } from '../../../../src/engine/values';
import { chordPitchClasses, makeScale } from '../../../../src/music/theory';
import { selectCorpus } from '../../../../nodes/symbolic/corpus/corpusCatalog';
import { corpusToSequence } from '../../../../nodes/symbolic/corpus/corpusSequence';
import { contextPath } from '../../../../nodes/symbolic/markov/contextTrie';
import { fillDistribution, probabilityOf } from '../../../../nodes/symbolic/markov/markovDistribution';
import { generateMarkov } from '../../../../nodes/symbolic/markov/markovGenerate';
import { trainMarkov } from '../../../../nodes/symbolic/markov/markovModel';
import { voiceLines, type LineEvent } from '../../../../nodes/symbolic/markov/stateEncoding';

let lines: LineEvent[][];
beforeAll(async () => {
  lines = voiceLines(corpusToSequence(await selectCorpus('irish-train', { maxTunes: 40, tune: -1 })));
});

const pc = (p: number) => ((p % 12) + 12) % 12;

describe('fillDistribution', () => {
  it('is a probability distribution that agrees with probabilityOf, at every smoothing', () => {
    for (const smoothing of [0, 0.01, 1]) {
      const model = trainMarkov(lines, { state: 'pitch', order: 3, smoothing });
      const history = Int32Array.from(lines[0].slice(0, 30), (e) => model.vocab.indexOf(e.pitch));
      const path = new Int32Array(4);
      const probs = new Float64Array(model.vocab.length);
      for (let t = 0; t < 30; t += 7) {
        const depth = contextPath(model.trie, history, t, path);
        fillDistribution(model, path, depth, probs);
        expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
        for (let s = 0; s < probs.length; s++) expect(probabilityOf(model, path, depth, s)).toBeCloseTo(probs[s], 12);
      }
    }
  });

  it('with no smoothing gives the relative counts of the longest seen context', () => {
    const model = trainMarkov([[60, 62, 60, 64, 60, 62].map((pitch) => ({ pitch, duration: 1 }))], { state: 'pitch', order: 1, smoothing: 0 });
    const path = new Int32Array(2);
    const depth = contextPath(model.trie, [model.vocab.indexOf(60)], 1, path);
    const probs = new Float64Array(model.vocab.length);
    fillDistribution(model, path, depth, probs);
    expect(Array.from(probs)).toEqual([0, 2 / 3, 1 / 3]); // after C4: D4 twice, E4 once
  });
});

describe('generateMarkov', () => {
  it('uses contexts up to the order and never longer', () => {
    const model = trainMarkov(lines, { state: 'pitch', order: 4, smoothing: 0.01 });
    const { notes, ordersUsed } = generateMarkov(model, { length: 300, temperature: 1, rng: createRng(3) });
    expect(notes).toHaveLength(300);
    expect(Math.max(...ordersUsed)).toBe(4);
    ordersUsed.forEach((o, i) => expect(o).toBeLessThanOrEqual(Math.min(4, i)));
  });

  it('keeps every pitch in the scale when one is given (and not without)', () => {
    const model = trainMarkov(lines, { state: 'pitch', order: 2, smoothing: 0 });
    const scale = makeScale('G', 'major pentatonic');
    const free = generateMarkov(model, { length: 400, temperature: 1, rng: createRng(5) });
    expect(free.notes.some((n) => !scale.pitchClasses.includes(pc(n.pitch)))).toBe(true);
    const held = generateMarkov(model, { length: 400, temperature: 1, rng: createRng(5), scale });
    for (const n of held.notes) expect(scale.pitchClasses).toContain(pc(n.pitch));
    // masking empties some contexts, so generation backs off to shorter ones
    expect(Math.min(...held.ordersUsed.slice(2))).toBeLessThan(2);
  });

  it('follows a chord progression, interval states included', () => {
    const chords: Chords = {
      length: 8,
      chords: ['G', 'C', 'D', 'Em'].map((symbol, i) => ({ symbol, start: 2 * i, duration: 2, pitchClasses: chordPitchClasses(symbol) })),
    };
    for (const state of ['pitch', 'interval', 'pitch+duration'] as const) {
      const model = trainMarkov(lines, { state, order: 2, smoothing: 0.01 });
      const { notes } = generateMarkov(model, { length: 200, temperature: 1, rng: createRng(9), chords });
      const checked = state === 'interval' ? notes.slice(1) : notes; // the start pitch is given, not drawn
      for (const n of checked) {
        const chord = chords.chords[Math.floor((n.start % 8) / 2)];
        expect(chord.pitchClasses).toContain(pc(n.pitch));
      }
    }
  });

  it('keeps interval chains inside the corpus pitch range', () => {
    const model = trainMarkov(lines, { state: 'interval', order: 1, smoothing: 0.5 });
    const { notes } = generateMarkov(model, { length: 2000, temperature: 2, rng: createRng(2) });
    const [lo, hi] = model.pitchRange;
    for (const n of notes) expect(n.pitch >= lo && n.pitch <= hi).toBe(true);
  });

  it('narrows to the likeliest paths at low temperature', () => {
    const model = trainMarkov(lines, { state: 'pitch', order: 1, smoothing: 0.01 });
    const distinct = (temperature: number) =>
      new Set(generateMarkov(model, { length: 400, temperature, rng: createRng(4) }).notes.map((n) => n.pitch)).size;
    expect(distinct(0.05)).toBeLessThan(6);
    expect(distinct(2)).toBeGreaterThan(15);
  });

  it('continues a primer and gives duration-only states the primer pitch', () => {
    const model = trainMarkov(lines, { state: 'duration', order: 2, smoothing: 0.01 });
    const primer = [{ pitch: 50, duration: 0.5 }, { pitch: 50, duration: 0.5 }];
    const { notes } = generateMarkov(model, { length: 16, temperature: 1, rng: createRng(1), primer });
    expect(notes.every((n) => n.pitch === 50)).toBe(true);
    expect(notes[0].start).toBe(0);
    for (let i = 1; i < notes.length; i++) expect(notes[i].start).toBeCloseTo(notes[i - 1].start + notes[i - 1].duration, 9);
  });
});
