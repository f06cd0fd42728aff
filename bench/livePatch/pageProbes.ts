/**
 * What bench/live-patch.ts installs in and reads from the page: the web-midi-test shim (one virtual
 * MIDI keyboard), a record of the app's stream worklets and workers (to ask them for their ring
 * underruns and per-block generation time, as `AudioStream.stats()` does), of its DDSP voice
 * worklets (quanta computed for longer than they last, compute time per quantum) and of its
 * AudioContexts (for Chromium's `playbackStats`: the device's underruns and latency).
 */
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { DdspProcessorStats } from '../../src/audio/live/ddspVoice/protocol';
import type { ConsumerStats, ProducerTiming } from '../../src/audio/stream/protocol';
import { ROOT } from '../../tests/e2e/harness';

/** Chromium's AudioContext.playbackStats (which it gives in seconds) in ms: underruns summed over the page's running contexts, the rest of the one that played longest. */
export interface PlaybackStats {
  underrunEvents: number;
  underrunDuration: number;
  totalDuration: number;
  averageLatency: number;
  maximumLatency: number;
}

/** Streams and device figures read from the page at the end of a run. */
export interface PageFigures {
  streams: ConsumerStats[];
  producers: ProducerTiming[];
  /** DDSP instruments played on the audio thread. */
  voices: DdspProcessorStats[];
  playback: PlaybackStats | null;
}

interface ProbeWindow {
  __benchStreams: AudioWorkletNode[];
  __benchVoices: AudioWorkletNode[];
  __benchWorkers: Worker[];
  __benchContexts: AudioContext[];
  __midiSrc: { emit(bytes: number[]): void };
  __genpatchLive: { now(): number };
}

/** Installs the MIDI shim and the recorders before the app's scripts run. */
export async function installProbes(context: BrowserContext): Promise<void> {
  // tsx keeps function names with an `__name` helper that the page lacks
  await context.addInitScript('window.__name = (f) => f;');
  await context.addInitScript({ path: resolve(ROOT, 'node_modules/web-midi-test/wmt.js') });
  await context.addInitScript(() => {
    const w = window as unknown as ProbeWindow & { WMT: { requestMIDIAccess: unknown; MidiSrc: new (n: string) => ProbeWindow['__midiSrc'] & { connect(): void } } };
    Object.defineProperty(navigator, 'requestMIDIAccess', { value: w.WMT.requestMIDIAccess, configurable: true });
    const src = new w.WMT.MidiSrc('bench keys');
    src.connect();
    w.__midiSrc = src;
    w.__benchStreams = [];
    w.__benchVoices = [];
    w.__benchWorkers = [];
    w.__benchContexts = [];
    const NativeNode = window.AudioWorkletNode;
    window.AudioWorkletNode = class extends NativeNode {
      constructor(ctx: BaseAudioContext, name: string, options?: AudioWorkletNodeOptions) {
        super(ctx, name, options);
        if (name === 'genpatch-stream') w.__benchStreams.push(this);
        if (name === 'genpatch-ddsp') w.__benchVoices.push(this);
      }
    };
    const NativeWorker = window.Worker;
    window.Worker = class extends NativeWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (options?.name?.includes('stream')) w.__benchWorkers.push(this);
      }
    };
    const NativeContext = window.AudioContext;
    window.AudioContext = class extends NativeContext {
      constructor(options?: AudioContextOptions) {
        super(options);
        w.__benchContexts.push(this);
      }
    };
  });
}

/** Sends a MIDI message through the shim; returns the session's audio time just before it. */
export function midiAt(page: Page, bytes: number[]): Promise<number> {
  return page.evaluate((b) => {
    const w = window as unknown as ProbeWindow;
    const t = w.__genpatchLive.now();
    w.__midiSrc.emit(b);
    return t;
  }, bytes);
}

/** The stream worklets' ring underruns so far, summed (quick: for a timeline during the run). */
export function streamUnderruns(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const w = window as unknown as ProbeWindow;
    const counts = await Promise.all(w.__benchStreams.map((n, i) => new Promise<number>((done) => {
      const id = 8_000_000 + i;
      const timer = setTimeout(() => done(0), 1000);
      const onMessage = (e: MessageEvent): void => {
        if (e.data?.type !== 'stats' || e.data.id !== id) return;
        clearTimeout(timer);
        n.port.removeEventListener('message', onMessage as EventListener);
        done(e.data.underruns as number);
      };
      n.port.addEventListener('message', onMessage as EventListener);
      n.port.postMessage({ type: 'stats', id });
    })));
    return counts.reduce((a, b) => a + b, 0);
  });
}

/** The device's underrun events so far (Chromium's playbackStats), summed over the page's running contexts. */
export function deviceUnderruns(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as ProbeWindow).__benchContexts
    .filter((c) => c.state === 'running')
    .reduce((n, c) => n + ((c as AudioContext & { playbackStats?: { underrunEvents: number } }).playbackStats?.underrunEvents ?? 0), 0));
}

/** Ring underruns of every stream worklet, generation timing of every stream worker, each DDSP voice's timing, the device's playback stats. */
export function readFigures(page: Page): Promise<PageFigures> {
  return page.evaluate(async () => {
    const w = window as unknown as ProbeWindow;
    const ask = <T>(port: MessagePort | Worker, message: unknown, match: (d: { type?: string; id?: number }) => boolean): Promise<T | null> =>
      new Promise((done) => {
        const timer = setTimeout(() => done(null), 2000);
        const onMessage = (e: MessageEvent): void => {
          if (!match(e.data ?? {})) return;
          clearTimeout(timer);
          port.removeEventListener('message', onMessage as EventListener);
          done(e.data as T);
        };
        port.addEventListener('message', onMessage as EventListener);
        port.postMessage(message);
      });
    const streams = await Promise.all(w.__benchStreams.map((n, i) => ask<ConsumerStats>(n.port, { type: 'stats', id: 7_000_000 + i }, (d) => d.type === 'stats' && d.id === 7_000_000 + i)));
    const producers = await Promise.all(w.__benchWorkers.map((wk) => ask<ProducerTiming>(wk, { type: 'timing' }, (d) => d.type === 'timing')));
    const voices = await Promise.all(w.__benchVoices.map((n, i) => ask<DdspProcessorStats>(n.port, { type: 'stats', id: 6_000_000 + i }, (d) => d.type === 'stats' && d.id === 6_000_000 + i)));
    // Every running context (the app makes several; the live session's is the one that played longest), seconds → ms.
    const all = w.__benchContexts.filter((c) => c.state === 'running')
      .map((c) => (c as AudioContext & { playbackStats?: Record<string, number> }).playbackStats)
      .filter((x): x is Record<string, number> => x !== undefined);
    const longest = all.reduce<Record<string, number> | null>((a, b) => (!a || b.totalDuration > a.totalDuration ? b : a), null);
    const playback = longest ? {
      underrunEvents: all.reduce((n, x) => n + x.underrunEvents, 0),
      underrunDuration: 1000 * all.reduce((n, x) => n + x.underrunDuration, 0),
      totalDuration: 1000 * longest.totalDuration,
      averageLatency: 1000 * longest.averageLatency,
      maximumLatency: 1000 * longest.maximumLatency,
    } : null;
    return { streams: streams.filter((x): x is ConsumerStats => x !== null), producers: producers.filter((x): x is ProducerTiming => x !== null && x.blocks > 0), voices: voices.filter((x): x is DdspProcessorStats => x !== null), playback };
  });
}
