/** StreamSynth: frame-by-frame synthesis equals the offline ddspSynth, delayed by the noise FIR's group delay. */
import { describe, expect, it } from 'vitest';
import { StreamSynth } from '../../../nodes/ddsp/live/streamSynth';
import { ddspSynth } from '../../../src/dsp/ddspSynth';
import { createRng } from '../../../src/engine/rng';

/** 120 frames: a gliding f0 with a silent stretch, moving amplitude, harmonics and noise. */
function controls() {
  const frames = 120;
  const rng = createRng('stream synth');
  const f0 = Float32Array.from({ length: frames }, (_, m) => (m >= 40 && m < 50 ? 0 : 200 * 2 ** (m / 100)));
  const amplitude = Float32Array.from({ length: frames }, (_, m) => 0.2 + 0.1 * Math.sin(m / 7));
  const harmonics = Float32Array.from({ length: frames * 60 }, () => rng.next());
  const noise = Float32Array.from({ length: frames * 65 }, () => 0.01 * rng.next());
  return { f0, amplitude, harmonics, noise };
}

describe('StreamSynth', () => {
  for (const rate of [16000, 44100, 48000]) {
    it(`at ${rate} Hz equals ddspSynth delayed by L/2`, () => {
      const c = controls();
      const offline = ddspSynth(c, { sampleRate: rate, seed: 3 }).channels[0];
      const synth = new StreamSynth(rate, 3);
      const parts: Float32Array[] = [];
      for (let m = 0; m < c.f0.length; m++) {
        parts.push(synth.push({ f0: c.f0[m], amplitude: c.amplitude[m], harmonics: c.harmonics.subarray(m * 60, (m + 1) * 60), noise: c.noise.subarray(m * 65, (m + 1) * 65) }));
      }
      const stream = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
      parts.reduce((at, p) => (stream.set(p, at), at + p.length), 0);
      expect(stream.length).toBe(Math.ceil((119 * rate) / 250));
      expect(synth.delay).toBe(Math.round((64 * rate) / 16000)); // L/2, L rounded to an even number of taps
      let worst = 0;
      for (let n = 0; n + synth.delay < stream.length; n++) worst = Math.max(worst, Math.abs(stream[n + synth.delay] - offline[n]));
      expect(worst).toBeLessThan(1e-6);
    });
  }
});
