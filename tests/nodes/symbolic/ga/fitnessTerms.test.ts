import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/engine/rng';
import { chordPitchClasses, makeScale } from '../../../../src/music/theory';
import { selectCorpus } from '../../../../nodes/symbolic/corpus/corpusCatalog';
import { corpusToSequence } from '../../../../nodes/symbolic/corpus/corpusSequence';
import { trainMarkov } from '../../../../nodes/symbolic/markov/markovModel';
import { voiceLines } from '../../../../nodes/symbolic/markov/stateEncoding';
import { combineFitness, fitnessModel, type FitnessTerm } from '../../../../nodes/symbolic/ga/fitnessModel';
import { scoreMelody, scoreTerm } from '../../../../nodes/symbolic/ga/fitnessTerms';
import { createMelody, type Melody } from '../../../../nodes/symbolic/ga/melody';

/** A melody of equal steps (null = rest). */
function line(pitches: (number | null)[], step = 0.5): Melody {
  const m = createMelody(pitches.length);
  pitches.forEach((p, i) => {
    if (p === null) return;
    m.pitch[m.count] = p; m.start[m.count] = i * step; m.duration[m.count] = step; m.count++;
  });
  m.length = pitches.length * step;
  return m;
}

const cMajor = makeScale('C', 'major').pitchClasses;

describe('fitness terms', () => {
  it('in-scale is the share of notes in the scale', () => {
    const term: FitnessTerm = { type: 'in-scale', weight: 1, pitchClasses: cMajor };
    expect(scoreTerm(term, line([60, 61, 62, 63]))).toBe(0.5);
    expect(scoreTerm(term, line([]))).toBe(0);
  });

  it('chord consonance prefers chord tones, then consonant tones, over clashes', () => {
    const chords = { chords: [{ symbol: 'C', start: 0, duration: 2, pitchClasses: chordPitchClasses('C') }, { symbol: 'G', start: 2, duration: 2, pitchClasses: chordPitchClasses('G') }], length: 4 };
    const term: FitnessTerm = { type: 'chord-consonance', weight: 1, ...chords };
    const score = (pitches: number[]) => scoreTerm(term, line(pitches, 2));
    expect(score([60, 67])).toBe(1); // roots are the most consonant with their triads
    expect(score([64, 71])).toBeGreaterThan(score([62, 69])); // thirds beat non-chord tones
    expect(score([62, 69])).toBeGreaterThan(score([61, 68])); // which beat semitone clashes
    expect(score([60, 67, 60, 67])).toBe(1); // the progression repeats over its length
  });

  it('smooth contour rewards steps, half-rewards repeats, and gives leaps of maxLeap nothing', () => {
    const term: FitnessTerm = { type: 'smooth-contour', weight: 1, maxLeap: 12 };
    expect(scoreTerm(term, line([60, 62, 61]))).toBe(1);
    expect(scoreTerm(term, line([60, 60]))).toBe(0.5);
    expect(scoreTerm(term, line([60, 63]))).toBeCloseTo(0.9, 12);
    expect(scoreTerm(term, line([60, 72]))).toBe(0);
    expect(scoreTerm(term, line([60]))).toBe(0);
  });

  it('density is 1 on target and falls linearly', () => {
    const term: FitnessTerm = { type: 'density', weight: 1, notesPerBeat: 2 };
    expect(scoreTerm(term, line([60, 62, 64, 65]))).toBe(1);
    expect(scoreTerm(term, line([60, null, 64, null]))).toBe(0.5);
  });

  it('similarity is 1 only for the target itself, and grows as pitches approach it', () => {
    const target = { pitch: [60, 62, 64, 65], start: [0, 0.5, 1, 1.5], duration: [0.5, 0.5, 0.5, 0.5] };
    const term: FitnessTerm = { type: 'similarity', weight: 1, target };
    expect(scoreTerm(term, line([60, 62, 64, 65]))).toBe(1);
    const near = scoreTerm(term, line([60, 62, 64, 66]));
    const far = scoreTerm(term, line([60, 62, 64, 72]));
    expect(near).toBeLessThan(1);
    expect(far).toBeLessThan(near);
    expect(scoreTerm(term, line([60, 62, 64, 65, 67]))).toBe(0.8); // an extra note costs too
    expect(scoreTerm(term, line([60, 62, 64, null]))).toBe(0.75);
  });

  it('Markov likelihood ranks real tunes above random notes, for every state kind', async () => {
    const lines = voiceLines(corpusToSequence(await selectCorpus('irish-train', { maxTunes: 200, tune: -1 })));
    const heldOut = voiceLines(corpusToSequence(await selectCorpus('irish-test', { maxTunes: 5, tune: -1 })));
    for (const state of ['pitch', 'interval', 'pitch+duration'] as const) {
      const model = trainMarkov(lines, { state, order: 2, smoothing: 0.01 });
      const term: FitnessTerm = { type: 'markov-likelihood', weight: 1, model };
      const rng = createRng(3);
      for (const tune of heldOut) {
        const pitches = tune.slice(0, 32).map((e) => e.pitch);
        const real = scoreTerm(term, line(pitches));
        const random = scoreTerm(term, line(pitches.map(() => 60 + rng.int(24))));
        expect(real).toBeGreaterThan(random + 0.1);
        expect(real).toBeLessThanOrEqual(1);
        expect(random).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('a fitness is the weighted mean of its terms, and combining scales the weights', () => {
    const inScale = fitnessModel([{ type: 'in-scale', weight: 1, pitchClasses: cMajor }]);
    const contour = fitnessModel([{ type: 'smooth-contour', weight: 1, maxLeap: 12 }]);
    const m = line([60, 61, 61, 63]); // in C major 1 of 4; contour (1 + 0.5 + 1) / 3
    const contourScore = 2.5 / 3;
    expect(scoreMelody(combineFitness([inScale, contour], [3, 1]), m)).toBeCloseTo((3 * 0.25 + contourScore) / 4, 12);
    expect(scoreMelody(combineFitness([inScale, contour], [1]), m)).toBeCloseTo((0.25 + contourScore) / 2, 12);
  });
});
