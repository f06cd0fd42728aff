/**
 * The master bus of live mode: every guarded source sums into `input`, then master volume, a
 * limiter (a fast compressor at −1 dBFS), a hard clip at the ceiling so no peak ever passes it, a
 * meter, and the speakers; the recorder listens after the clip while a take runs (and costs
 * nothing otherwise). NaN never reaches it: each source has its own guard.
 */
/** Makes an AudioWorkletNode (the browser's constructor, or node-web-audio-api's in Node). */
export type WorkletFactory = (ctx: BaseAudioContext, name: string, options: AudioWorkletNodeOptions) => AudioWorkletNode;

/** The default factory: the global AudioWorkletNode. */
export const globalWorkletFactory: WorkletFactory = (ctx, name, options) => new AudioWorkletNode(ctx, name, options);

/** Ceiling of the master output in dBFS. */
export const MASTER_CEILING_DB = -1;

/** The master chain. */
export interface MasterBus {
  /** Where sources connect. */
  input: GainNode;
  /** Connects a listener (the recorder, while a take runs) to what is heard, or disconnects it. */
  tap(listener: AudioNode, on: boolean): void;
  /** Master volume 0–1. */
  setVolume(volume: number): void;
  /** Largest absolute sample heard since the last call. */
  takePeak(): number;
  dispose(): void;
}

/** A curve that passes samples through and clamps them at ±`ceiling`. */
function clipCurve(ceiling: number): Float32Array<ArrayBuffer> {
  const n = 4097;
  const curve = new Float32Array(n);
  for (let i = 0; i < n; i++) curve[i] = Math.max(-ceiling, Math.min(ceiling, -1 + (2 * i) / (n - 1)));
  return curve;
}

/**
 * Builds the chain into `destination` (the context's speakers by default).
 * @example
 * const master = createMasterBus(ctx); source.connect(master.input);
 */
export function createMasterBus(ctx: BaseAudioContext, destination: AudioNode = ctx.destination, now: () => number = () => ctx.currentTime): MasterBus {
  const input = ctx.createGain();
  const volume = ctx.createGain();
  volume.gain.value = 0.8;
  const limiter = ctx.createDynamicsCompressor();
  limiter.threshold.value = MASTER_CEILING_DB - 2;
  limiter.knee.value = 0;
  limiter.ratio.value = 20;
  limiter.attack.value = 0.001;
  limiter.release.value = 0.1;
  const clip = ctx.createWaveShaper();
  clip.curve = clipCurve(10 ** (MASTER_CEILING_DB / 20));
  const meter = ctx.createAnalyser();
  meter.fftSize = 2048;
  // Listeners are pulled through a silent gain: a node must reach the destination to be processed.
  const silent = ctx.createGain();
  silent.gain.value = 0;
  silent.connect(destination);
  input.connect(volume).connect(limiter).connect(clip).connect(destination);
  clip.connect(meter);
  const meterBuf = new Float32Array(meter.fftSize);
  return {
    input,
    tap(listener, on) {
      if (on) {
        clip.connect(listener);
        listener.connect(silent);
      } else {
        clip.disconnect(listener);
        listener.disconnect(silent);
      }
    },
    setVolume(v) {
      volume.gain.setTargetAtTime(Math.max(0, Math.min(1, v)), now(), 0.02);
    },
    takePeak() {
      meter.getFloatTimeDomainData(meterBuf);
      let peak = 0;
      for (let i = 0; i < meterBuf.length; i++) peak = Math.max(peak, Math.abs(meterBuf[i]));
      return peak;
    },
    dispose() {
      for (const node of [input, volume, limiter, clip, meter, silent]) node.disconnect();
    },
  };
}
