/**
 * A load generator shaped like a DDSP decoder: every `hop` frames a seeded dense network (f0 and
 * loudness in, `layers` × `hidden` units with a recurrent state) gives the amplitudes of `harmonics`
 * sine partials, which are synthesised sample by sample. Its cost is what the live bench measures.
 */
import { createRng } from '../../../engine/rng';
import { numberControl, type BlockGeneratorFactory } from '../blockGenerator';

/** Options of the additive generator, with their defaults. */
export const ADDITIVE_DEFAULTS = { frequency: 220, loudness: 0.5, hidden: 192, layers: 3, harmonics: 48, hop: 64 };

/**
 * Controls `frequency` (Hz) and `loudness` (0–1).
 * @example
 * createAudioStream(ctx, { generator: 'additive', options: { hidden: 256 } });
 */
export const createAdditiveGenerator: BlockGeneratorFactory = ({ sampleRate, options }) => {
  const o = { ...ADDITIVE_DEFAULTS, ...(options as Partial<typeof ADDITIVE_DEFAULTS>) };
  const rng = createRng('genpatch.stream.additive');
  const weights = Array.from({ length: o.layers }, (_, l) => {
    const inputs = l === 0 ? 2 + o.hidden : o.hidden;
    const scale = 1 / Math.sqrt(inputs);
    return Float32Array.from({ length: inputs * o.hidden }, () => rng.normal() * scale);
  });
  const head = Float32Array.from({ length: o.hidden * o.harmonics }, () => rng.normal() / Math.sqrt(o.hidden));
  let state = new Float32Array(o.hidden);
  let next = new Float32Array(o.hidden);
  const input = new Float32Array(2 + o.hidden);
  const from = new Float32Array(o.harmonics);
  const to = new Float32Array(o.harmonics);
  const phases = new Float64Array(o.harmonics);
  let frequency = o.frequency;
  let loudness = o.loudness;
  let pos = o.hop; // frames into the current hop; a full hop forces a first network step

  /** One network step: new harmonic amplitudes in `to` (normalised to sum to `loudness`). */
  function step(): void {
    input[0] = Math.log2(frequency / 440);
    input[1] = loudness;
    input.set(state, 2);
    let x: Float32Array = input;
    for (const w of weights) {
      const n = x.length;
      for (let j = 0; j < o.hidden; j++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += w[j * n + i] * x[i];
        next[j] = Math.tanh(s);
      }
      [state, next] = [next, state];
      x = state;
    }
    let total = 0;
    for (let k = 0; k < o.harmonics; k++) {
      let s = 0;
      for (let j = 0; j < o.hidden; j++) s += head[k * o.hidden + j] * state[j];
      const amp = (k + 1) * frequency < sampleRate / 2 ? Math.exp(Math.min(s, 8)) / (k + 1) : 0;
      to[k] = amp;
      total += amp;
    }
    const norm = total > 0 ? (0.5 * loudness) / total : 0;
    for (let k = 0; k < o.harmonics; k++) to[k] *= norm;
  }

  return {
    generate(out, frames) {
      const first = out[0];
      for (let i = 0; i < frames; i++) {
        if (pos === o.hop) {
          from.set(to);
          step();
          pos = 0;
        }
        const t = pos / o.hop;
        let y = 0;
        for (let k = 0; k < o.harmonics; k++) {
          phases[k] += ((k + 1) * frequency) / sampleRate;
          if (phases[k] >= 1) phases[k] -= Math.floor(phases[k]);
          y += (from[k] + (to[k] - from[k]) * t) * Math.sin(2 * Math.PI * phases[k]);
        }
        first[i] = y;
        pos++;
      }
      for (let c = 1; c < out.length; c++) out[c].set(first.subarray(0, frames));
    },
    control(message) {
      frequency = numberControl(message, 'frequency') ?? frequency;
      loudness = numberControl(message, 'loudness') ?? loudness;
    },
  };
};
