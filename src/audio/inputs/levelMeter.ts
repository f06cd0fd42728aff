/** A level meter on any node: RMS and peak of the latest analyser window, and its loudest frequency — for input meters and checks. */

/** A meter attached to a source. */
export interface LevelMeter {
  readonly analyser: AnalyserNode;
  /** RMS and peak (linear) of the latest `fftSize` samples. */
  level(): { rms: number; peak: number };
  /** Centre frequency (Hz) of the loudest FFT bin of the latest window. */
  loudestFrequency(): number;
  /** Detaches the meter from its source. */
  disconnect(): void;
}

/**
 * Taps `source` with an AnalyserNode (nothing else is connected: the meter is silent).
 * @example
 * const meter = createLevelMeter(ctx, mic.node);
 * requestAnimationFrame(() => draw(meter.level().rms));
 */
export function createLevelMeter(ctx: BaseAudioContext, source: AudioNode, fftSize = 2048): LevelMeter {
  const analyser = ctx.createAnalyser();
  analyser.fftSize = fftSize;
  analyser.smoothingTimeConstant = 0;
  source.connect(analyser);
  const samples = new Float32Array(fftSize);
  const spectrum = new Float32Array(fftSize / 2);
  return {
    analyser,
    level() {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      let peak = 0;
      for (const v of samples) {
        sum += v * v;
        peak = Math.max(peak, Math.abs(v));
      }
      return { rms: Math.sqrt(sum / samples.length), peak };
    },
    loudestFrequency() {
      analyser.getFloatFrequencyData(spectrum);
      let best = 1;
      for (let k = 2; k < spectrum.length; k++) if (spectrum[k] > spectrum[best]) best = k;
      return (best * ctx.sampleRate) / fftSize;
    },
    disconnect() {
      source.disconnect(analyser);
    },
  };
}
