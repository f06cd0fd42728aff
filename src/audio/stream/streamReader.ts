/**
 * The worklet side of a stream, free of worklet globals so Node tests can drive it: reads each render
 * quantum from a frame source, fills what is missing with silence and counts it, and turns the
 * Worker's markers (control `seq` starts at stream frame F) into the render frame where F is played.
 * It starts only once the producer has buffered its lead (a pre-roll), so a Worker that is still
 * warming up does not underrun the first quanta.
 */
import type { ConsumerStats } from './protocol';

/** Somewhere the reader takes frames from: the shared ring, or blocks that came as messages. */
export interface FrameSource {
  /** Copies up to `frames` frames into `target`; returns how many it had. */
  read(target: readonly Float32Array[], frames: number): number;
  /** Frames ready to read now. */
  availableRead(): number;
}

/** Slots of the shared stats array the reader keeps (Int32, written with Atomics). */
export const STATS = { underruns: 0, underrunFrames: 1, renderFrame: 2, streamFrame: 3, length: 4 } as const;

/** Render frames are stored modulo 2³¹ in the stats array; differences of such frames go through this. */
export const FRAME_MODULUS = 2 ** 31;

/** `later − earlier` for two frame counters taken modulo 2³¹ (correct while the true gap is under 2³¹). */
export function frameDelta(later: number, earlier: number): number {
  return (((later - earlier) % FRAME_MODULUS) + FRAME_MODULUS) % FRAME_MODULUS;
}

const HISTORY = 512;

/** Quanta the reader waits for a full pre-roll before it starts with whatever is there (about 1 s at 48 kHz). */
export const PREROLL_PATIENCE = 375;

/**
 * Plays a stream quantum by quantum.
 * @example
 * const reader = new StreamReader(ring, (seq, emitFrame) => port.postMessage({ type: 'marker', seq, emitFrame }));
 * reader.render(outputs[0], currentFrame);
 */
export class StreamReader {
  private started = false;
  private waited = 0;
  private underruns = 0;
  private underrunFrames = 0;
  private streamFrame = 0;
  private quanta = 0;
  private readonly markers: { seq: number; frame: number }[] = [];
  // Where recent quanta's stream frames were played: stream start, render start, frames read.
  private readonly history = new Float64Array(HISTORY * 3);

  constructor(
    private readonly source: FrameSource,
    private readonly onMarker: (seq: number, emitFrame: number) => void,
    private readonly shared: Int32Array | null = null,
    /** Frames that must be buffered before the first read (0: start on the first frame). */
    private readonly prerollFrames = 0,
  ) {}

  /** Notes that control `seq` takes effect at stream frame `frame`; reported once that frame is played. */
  addMarker(seq: number, frame: number): void {
    const played = this.renderFrameOf(frame);
    if (played !== null) this.onMarker(seq, played);
    else this.markers.push({ seq, frame });
  }

  /** Fills `outputs` (one array per channel) for the quantum that starts at render frame `renderFrame`. */
  render(outputs: readonly Float32Array[], renderFrame: number): void {
    const frames = outputs[0].length;
    const n = this.mayRead() ? this.source.read(outputs, frames) : 0;
    for (const out of outputs) out.fill(0, n);
    if (n > 0) this.started = true;
    if (this.started && n < frames) {
      this.underruns++;
      this.underrunFrames += frames - n;
    }
    const h = (this.quanta % HISTORY) * 3;
    this.history[h] = this.streamFrame;
    this.history[h + 1] = renderFrame;
    this.history[h + 2] = n;
    const start = this.streamFrame;
    this.streamFrame += n;
    this.quanta++;
    for (let i = this.markers.length - 1; i >= 0; i--) {
      const m = this.markers[i];
      if (m.frame < this.streamFrame) {
        this.markers.splice(i, 1);
        this.onMarker(m.seq, renderFrame + Math.max(0, m.frame - start));
      }
    }
    if (this.shared) {
      Atomics.store(this.shared, STATS.underruns, this.underruns);
      Atomics.store(this.shared, STATS.underrunFrames, this.underrunFrames);
      Atomics.store(this.shared, STATS.renderFrame, (renderFrame + frames) % FRAME_MODULUS);
      Atomics.store(this.shared, STATS.streamFrame, this.streamFrame % FRAME_MODULUS);
    }
  }

  /** The counters so far. */
  stats(): ConsumerStats {
    return { underruns: this.underruns, underrunFrames: this.underrunFrames, streamFrames: this.streamFrame, quanta: this.quanta };
  }

  /** True once started, or when the pre-roll is buffered, or when something is buffered and the wait ran out. */
  private mayRead(): boolean {
    if (this.started) return true;
    const ready = this.source.availableRead();
    if (ready >= Math.max(1, this.prerollFrames)) return true;
    return ready > 0 && ++this.waited >= PREROLL_PATIENCE;
  }

  /** The render frame that played stream frame `frame`, if it was played in the recent history; null if not yet played. */
  private renderFrameOf(frame: number): number | null {
    if (frame >= this.streamFrame) return null;
    for (let q = this.quanta - 1; q >= Math.max(0, this.quanta - HISTORY); q--) {
      const h = (q % HISTORY) * 3;
      const start = this.history[h];
      if (frame >= start && frame < start + this.history[h + 2]) return this.history[h + 1] + (frame - start);
    }
    // Played longer ago than the history reaches: the oldest known quantum is the best bound.
    const oldest = (Math.max(0, this.quanta - HISTORY) % HISTORY) * 3;
    return this.history[oldest + 1];
  }
}
