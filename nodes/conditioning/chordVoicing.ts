/** Voicing chords: pitch classes → MIDI pitches, in close root position or with smooth voice leading. */

/** How block chords are voiced. */
export const VOICINGS = ['root', 'smooth'] as const;

/**
 * Close root-position voicing: the root in `octave` (4 = the octave of middle C), each further
 * chord tone the next pitch above the previous one.
 * @example
 * closeVoicing([9, 0, 4], 3); // [57, 60, 64]  (A3 C4 E4)
 */
export function closeVoicing(pitchClasses: readonly number[], octave: number): number[] {
  const pitches: number[] = [];
  for (const pc of pitchClasses) {
    let p = pc + 12 * (octave + 1);
    if (pitches.length) while (p <= pitches[pitches.length - 1]) p += 12;
    pitches.push(p);
  }
  return pitches;
}

const mean = (pitches: readonly number[]): number => pitches.reduce((a, b) => a + b, 0) / pitches.length;

/**
 * Sum over the new chord's tones of the distance to the nearest tone of the previous chord; ties
 * (the sum is whole semitones) go to the voicing whose centre stays nearest, so the register holds.
 */
function movement(next: readonly number[], prev: readonly number[]): number {
  const steps = next.reduce((sum, p) => sum + Math.min(...prev.map((q) => Math.abs(p - q))), 0);
  return steps + Math.abs(mean(next) - mean(prev)) / 1000;
}

/**
 * The inversion of a chord (within an octave either way of its root position) whose tones move
 * least from `previous`: the voice leading a keyboard player finds by keeping common tones.
 * @example
 * smoothVoicing([5, 9, 0], [57, 60, 64], 3); // [57, 60, 65] — F/A, keeping A and C
 */
export function smoothVoicing(pitchClasses: readonly number[], previous: readonly number[], octave: number): number[] {
  const root = closeVoicing(pitchClasses, octave);
  let best = root;
  let bestCost = movement(root, previous);
  for (let inversion = 0; inversion < root.length; inversion++) {
    const inverted = [...root.slice(inversion), ...root.slice(0, inversion).map((p) => p + 12)];
    for (const shift of [-12, 0, 12]) {
      const candidate = inverted.map((p) => p + shift);
      if (candidate[0] < root[0] - 12 || candidate[0] > root[0] + 12) continue;
      const cost = movement(candidate, previous);
      if (cost < bestCost) { best = candidate; bestCost = cost; }
    }
  }
  return best;
}
