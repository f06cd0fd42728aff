/**
 * The one clock of live mode: a Tone.js Transport with tempo, meter and a loop region. Clip loopers
 * listen to its bars (callbacks come a little ahead with the exact audio time of the bar), and
 * control sources read its beat position every frame.
 */
import type { ToneModule } from '../toneModule';
import { createStore, type Store } from '../../engine/observable';

/** What the transport section shows and sets. */
export interface TransportState {
  playing: boolean;
  /** Quarter-note beats per minute. */
  bpm: number;
  meter: { numerator: number; denominator: number };
  /** Whether the transport jumps back to bar 1 after `loopBars` bars. */
  loop: boolean;
  loopBars: number;
}

type ToneTransport = ReturnType<ToneModule['getTransport']>;

/** Seconds between pressing play and the first bar, so the first clips are scheduled in time. */
const START_DELAY = 0.2;

/**
 * A live transport over a Tone context's Transport.
 * @example
 * const transport = new LiveTransport(toneContext.transport, () => toneContext.currentTime);
 * transport.onBar((time, bar) => looper.onBar(time, bar, transport.barSeconds()));
 * transport.start();
 */
export class LiveTransport {
  readonly state: Store<TransportState>;
  private bars = new Set<(time: number, bar: number) => void>();
  private stops = new Set<() => void>();
  private repeat: number;

  constructor(private transport: ToneTransport, private now: () => number) {
    this.state = createStore<TransportState>({ playing: false, bpm: 120, meter: { numerator: 4, denominator: 4 }, loop: false, loopBars: 4 });
    transport.bpm.value = 120;
    transport.timeSignature = [4, 4];
    this.repeat = this.scheduleBars();
  }

  /** Quarter-note beats in one bar of the current meter. */
  beatsPerBar(): number {
    const { numerator, denominator } = this.state.get().meter;
    return (numerator * 4) / denominator;
  }

  /** Seconds in one quarter-note beat. */
  secondsPerBeat(): number {
    return 60 / this.state.get().bpm;
  }

  /** Seconds in one bar. */
  barSeconds(): number {
    return this.beatsPerBar() * this.secondsPerBeat();
  }

  /** The transport position at audio time `time` (default now), in quarter-note beats. */
  beat(time = this.now()): number {
    if (!this.state.get().playing) return 0;
    return this.transport.getTicksAtTime(time) / this.transport.PPQ;
  }

  /** Calls `listener(time, bar)` ahead of every bar; returns the unsubscribe function. */
  onBar(listener: (time: number, bar: number) => void): () => void {
    this.bars.add(listener);
    return () => this.bars.delete(listener);
  }

  /** Calls `listener` when the transport stops; returns the unsubscribe function. */
  onStop(listener: () => void): () => void {
    this.stops.add(listener);
    return () => this.stops.delete(listener);
  }

  /** Starts from bar 1. */
  start(): void {
    if (this.state.get().playing) return;
    this.state.set((s) => ({ ...s, playing: true }));
    this.transport.start(this.now() + START_DELAY, 0);
  }

  /** Stops and rewinds; every looper fades out. */
  stop(): void {
    if (!this.state.get().playing) return;
    this.transport.stop(this.now());
    this.state.set((s) => ({ ...s, playing: false }));
    for (const l of [...this.stops]) l();
  }

  /** Sets the tempo (20–300 BPM). */
  setBpm(bpm: number): void {
    const value = Math.max(20, Math.min(300, bpm));
    this.transport.bpm.value = value;
    this.state.set((s) => ({ ...s, bpm: value }));
  }

  /** Sets the meter; bars restart from the transport's start. */
  setMeter(numerator: number, denominator: number): void {
    if (!(numerator >= 1 && numerator <= 32) || ![1, 2, 4, 8, 16].includes(denominator)) {
      throw new Error(`transport: meter ${numerator}/${denominator} is not a time signature (e.g. 4/4, 3/4, 6/8)`);
    }
    this.transport.timeSignature = [numerator, denominator];
    this.state.set((s) => ({ ...s, meter: { numerator, denominator } }));
    this.transport.clear(this.repeat);
    this.repeat = this.scheduleBars();
    this.setLoop(this.state.get().loop, this.state.get().loopBars);
  }

  /** Turns the loop region (bars 1 … `bars`) on or off. */
  setLoop(loop: boolean, bars = this.state.get().loopBars): void {
    const loopBars = Math.max(1, Math.min(256, Math.round(bars)));
    this.transport.loopStart = 0;
    this.transport.loopEnd = `${loopBars}m`;
    this.transport.loop = loop;
    this.state.set((s) => ({ ...s, loop, loopBars }));
  }

  /** Stops listening to the Tone transport. */
  dispose(): void {
    this.stop();
    this.transport.clear(this.repeat);
    this.bars.clear();
    this.stops.clear();
  }

  private scheduleBars(): number {
    return this.transport.scheduleRepeat((time) => {
      const ticksPerBar = this.transport.PPQ * this.beatsPerBar();
      const bar = Math.round(this.transport.getTicksAtTime(time) / ticksPerBar);
      for (const l of [...this.bars]) l(time, bar);
    }, '1m', 0);
  }
}
