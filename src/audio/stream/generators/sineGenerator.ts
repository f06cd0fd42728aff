/** A phase-continuous sine: the simplest generator, used by the tests to check what the stream plays. */
import { numberControl, type BlockGeneratorFactory } from '../blockGenerator';

/**
 * Options `frequency` (Hz, default 440) and `gain` (default 0.5); the same controls change them at
 * once (no smoothing), so a test sees exactly where a change lands. Every channel gets the same signal.
 * @example
 * createAudioStream(ctx, { generator: 'sine', options: { frequency: 220 } });
 */
export const createSineGenerator: BlockGeneratorFactory = ({ sampleRate, options }) => {
  let frequency = Number(options.frequency ?? 440);
  let gain = Number(options.gain ?? 0.5);
  let phase = 0;
  return {
    generate(out, frames) {
      const step = frequency / sampleRate;
      const first = out[0];
      for (let i = 0; i < frames; i++) {
        first[i] = gain * Math.sin(2 * Math.PI * phase);
        phase += step;
        if (phase >= 1) phase -= 1;
      }
      for (let c = 1; c < out.length; c++) out[c].set(first.subarray(0, frames));
    },
    control(message) {
      frequency = numberControl(message, 'frequency') ?? frequency;
      gain = numberControl(message, 'gain') ?? gain;
    },
  };
};
