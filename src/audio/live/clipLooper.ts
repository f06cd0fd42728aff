/**
 * Loops one rendered audio clip on the transport's bar grid, and swaps in a new rendering at the
 * next bar without a gap or a click. Iterations start on bars that are multiples of the loop
 * length (a global grid, so every clip stays in phase with every other). Each iteration plays its
 * whole buffer, so the release tail of one overlaps the start of the next, as rendered. A swap
 * starts the new clip, at the same position, for every iteration still sounding and crossfades
 * each old iteration into it over a few milliseconds.
 */
import type { AudioClip } from '../../engine/values';

/** Crossfade length at a swap, in seconds (long enough to declick, short enough to keep the beat). */
export const SWAP_FADE_SECONDS = 0.02;

interface Iteration {
  source: AudioBufferSourceNode;
  gain: GainNode;
  end: number;
}

/** What a looper reports to its session. */
export interface LooperEvents {
  /** A new clip took over at `time` (audio-clock seconds). */
  swapped(time: number): void;
  /** An iteration was scheduled `by` seconds after its time (the page was too slow). */
  late(by: number): void;
}

/** The loop length in bars: the musical length when known, else the whole bars in the audio (at least one). */
export function loopBars(durationSeconds: number, loopSeconds: number | null, barSeconds: number): number {
  if (loopSeconds !== null && loopSeconds > 0) return Math.max(1, Math.round(loopSeconds / barSeconds));
  return Math.max(1, Math.floor(durationSeconds / barSeconds + 1e-6));
}

/** Copies a clip into an AudioBuffer of `ctx`. */
export function toAudioBuffer(ctx: BaseAudioContext, clip: AudioClip): AudioBuffer {
  const length = Math.max(1, clip.channels[0]?.length ?? 1);
  const buffer = ctx.createBuffer(clip.channels.length, length, clip.sampleRate);
  clip.channels.forEach((ch, i) => buffer.copyToChannel(ch as Float32Array<ArrayBuffer>, i));
  return buffer;
}

/**
 * One looping clip slot.
 * @example
 * const looper = new ClipLooper(ctx, guardInput, events);
 * looper.setClip(clip, 8);             // takes over at the next bar
 * transport.onBar((time, bar) => looper.onBar(time, bar, barSeconds));
 */
export class ClipLooper {
  private buffer: AudioBuffer | null = null;
  private loopSeconds: number | null = null;
  private pending: { buffer: AudioBuffer; loopSeconds: number | null } | null = null;
  private iterations: Iteration[] = [];

  constructor(private ctx: BaseAudioContext, private output: AudioNode, private events: LooperEvents, private now: () => number) {}

  /** The clip to play; it takes over at the next bar. */
  setClip(clip: AudioClip, loopSeconds: number | null): void {
    this.pending = { buffer: toAudioBuffer(this.ctx, clip), loopSeconds };
  }

  /** Called at every bar of the transport: starts iterations and performs a pending swap. */
  onBar(time: number, bar: number, barSeconds: number): void {
    this.iterations = this.iterations.filter((it) => it.end > time);
    if (this.pending) {
      const old = this.iterations;
      this.adopt();
      this.iterations = this.startAt(time, bar, barSeconds, old.length > 0);
      for (const it of old) this.fadeOut(it, time);
      if (old.length) this.events.swapped(time);
      return;
    }
    if (!this.buffer) return;
    if (this.iterations.length === 0) {
      this.iterations = this.startAt(time, bar, barSeconds, false);
      return;
    }
    const period = loopBars(this.buffer.duration, this.loopSeconds, barSeconds);
    if (bar % period === 0) this.iterations.push(this.play(time, 0, false));
  }

  /** Fades everything out now (the transport stopped). */
  stop(): void {
    const t = this.now();
    for (const it of this.iterations) this.fadeOut(it, t);
    this.iterations = [];
  }

  /** Stops and disconnects. */
  dispose(): void {
    this.stop();
    this.buffer = null;
    this.pending = null;
  }

  private adopt(): void {
    if (!this.pending) return;
    this.buffer = this.pending.buffer;
    this.loopSeconds = this.pending.loopSeconds;
    this.pending = null;
  }

  /**
   * Starts the clip at bar `bar` in phase with the grid. At a swap (`swap`) it takes over every
   * iteration still sounding, release tails included; at a first launch only the current one.
   */
  private startAt(time: number, bar: number, barSeconds: number, swap: boolean): Iteration[] {
    const buffer = this.buffer!;
    const period = loopBars(buffer.duration, this.loopSeconds, barSeconds);
    const started: Iteration[] = [];
    for (let offset = (bar % period) * barSeconds; offset < buffer.duration; offset += period * barSeconds) {
      started.push(this.play(time, offset, swap || offset > 0));
      if (!swap) break;
    }
    return started;
  }

  private play(time: number, offset: number, fadeIn: boolean): Iteration {
    const buffer = this.buffer!;
    let start = time;
    // The native clock (not Tone's, which runs ahead during offline renders) says what is too late.
    const now = this.ctx.currentTime;
    if (start < now) {
      this.events.late(now - start);
      offset += now - start;
      start = now;
    }
    const source = this.ctx.createBufferSource();
    source.buffer = buffer;
    const gain = this.ctx.createGain();
    if (fadeIn) {
      // Silent from creation: a sub-sample start may play its first frame before the automation begins.
      gain.gain.value = 0;
      gain.gain.setValueAtTime(0, start);
      gain.gain.linearRampToValueAtTime(1, start + SWAP_FADE_SECONDS);
    }
    source.connect(gain).connect(this.output);
    source.start(start, Math.min(offset, buffer.duration));
    const end = start + buffer.duration - offset;
    source.onended = () => gain.disconnect();
    return { source, gain, end };
  }

  private fadeOut(it: Iteration, time: number): void {
    const t = Math.max(time, this.now());
    it.gain.gain.setValueAtTime(1, t);
    it.gain.gain.linearRampToValueAtTime(0, t + SWAP_FADE_SECONDS);
    try { it.source.stop(t + SWAP_FADE_SECONDS + 0.005); } catch { /* already stopped */ }
  }
}
