import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/engine/rng';
import { randomPopulation } from '../../../../nodes/symbolic/ga/evolution';
import { decodeState, encodeState, parseRatings } from '../../../../nodes/symbolic/ga/populationState';

describe('interactive state text', () => {
  it('round-trips a population with holds, rests and every pitch', () => {
    const population = randomPopulation({ mode: 'rhythm', steps: 12, stepBeats: 0.5, low: 0, high: 127, restRate: 0.2 }, 6, createRng(2));
    const text = encodeState({ mode: 'rhythm', generation: 7, population });
    expect(text.startsWith('ga1.rhythm.12.7.')).toBe(true);
    expect(text.length).toBe('ga1.rhythm.12.7.'.length + 6 * 12 * 2);
    const back = decodeState(text);
    expect(back.generation).toBe(7);
    expect(back.population.size).toBe(6);
    expect(Array.from(back.population.genes)).toEqual(Array.from(population.genes));
  });

  it('says what is wrong with broken state and ratings', () => {
    expect(() => decodeState('hello')).toThrow(/not a ga.evolve state.*clear the state param/);
    expect(() => decodeState('ga1.melody.4.0.AAB')).toThrow(/not a whole number of 4-step genomes/);
    expect(() => decodeState('ga1.melody.1.0.__')).toThrow(/bad gene "__" at gene 0/);
    expect(Array.from(parseRatings(' 3, 5 1;0 ', 4))).toEqual([3, 5, 1, 0]);
    expect(() => parseRatings('3,5', 4)).toThrow(/got 2 ratings for 4 candidates/);
    expect(() => parseRatings('3,x', 2)).toThrow(/rating 2 "x"/);
  });
});
