/**
 * Offline analysis for bench/live-patch.ts: the audio thread's CPU time per render quantum from a
 * Chromium trace, and control-to-sound latency from a recorded take (when a played note's pitch
 * first rises out of what was sounding before it).
 */
import { toneMagnitude } from '../../src/dsp/measure';

/** Quantiles of a list of ms values. */
export interface Spread {
  count: number;
  median: number;
  p99: number;
  max: number;
}

/** Median, 99th percentile and max of `values` (NaN when empty). */
export function spread(values: readonly number[]): Spread {
  const s = [...values].sort((a, b) => a - b);
  const q = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
  return { count: s.length, median: q(0.5), p99: q(0.99), max: s.at(-1) ?? NaN };
}

interface TraceEvent { name: string; ph: string; pid?: number; tid?: number; dur?: number; tdur?: number; args?: Record<string, unknown> }

/** What the trace says about the audio render thread. */
export interface RenderTrace {
  /** Thread CPU ms of each 128-frame render quantum (RealtimeAudioDestinationHandler::Render). */
  quantumCpuMs: number[];
  /** Wall ms of the same. */
  quantumWallMs: number[];
  /** Running AudioContexts seen (render threads); the busiest one is measured. */
  contexts: number;
  /** Device callbacks (AudioDestination::Render, all contexts: with AudioWorklets they run on another thread than the quanta) and their frames each. */
  callbacks: number;
  callbackFrames: number;
}

/**
 * Reads the render quanta out of a Chromium trace taken with the "webaudio" category. The page may
 * run several AudioContexts (each on its own render thread); the one that spent the most CPU — the
 * live session's — is measured.
 */
export function renderTrace(traceJson: string): RenderTrace {
  const parsed = JSON.parse(traceJson) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents ?? [];
  const threads = new Map<string, number>();
  const thread = (e: TraceEvent): string => `${e.pid}:${e.tid}`;
  const all = events.filter((e) => e.ph === 'X' && e.name === 'RealtimeAudioDestinationHandler::Render');
  for (const e of all) threads.set(thread(e), (threads.get(thread(e)) ?? 0) + (e.tdur ?? e.dur ?? 0));
  const busiest = [...threads].sort((a, b) => b[1] - a[1])[0]?.[0];
  const quanta = all.filter((e) => thread(e) === busiest);
  const callbacks = events.filter((e) => e.ph === 'X' && e.name === 'AudioDestination::Render');
  if (quanta.length === 0) throw new Error('bench live-patch: the trace holds no RealtimeAudioDestinationHandler::Render event: did the audio context run?');
  return {
    quantumCpuMs: quanta.map((e) => (e.tdur ?? e.dur ?? 0) / 1000),
    quantumWallMs: quanta.map((e) => (e.dur ?? 0) / 1000),
    contexts: threads.size,
    callbacks: callbacks.length,
    callbackFrames: Number(callbacks[0]?.args?.frames ?? NaN),
  };
}

const WINDOW = 256;
const HOP = 32;

/**
 * Seconds from `controlTime` (take-relative) to the first 256-sample window, centred, where the
 * magnitude at `hz` exceeds 4 × its median over the 300 ms before the control (and 0.003), or
 * null when the note never rises within `within` seconds. Resolution about ±3 ms at 44.1 kHz.
 */
export function onsetAfter(x: Float32Array, sampleRate: number, controlTime: number, hz: number, within = 0.6): number | null {
  const c = Math.round(controlTime * sampleRate);
  const before = Math.round(0.3 * sampleRate);
  if (c - before < 0 || c + Math.round(within * sampleRate) + WINDOW > x.length) return null;
  const floor: number[] = [];
  for (let a = c - before; a + WINDOW <= c; a += HOP) floor.push(toneMagnitude(x, sampleRate, a, WINDOW, hz));
  const threshold = Math.max(0.003, 4 * spread(floor).median);
  for (let a = c - WINDOW / 2; a < c + within * sampleRate; a += HOP) {
    if (toneMagnitude(x, sampleRate, a, WINDOW, hz) > threshold) return (a + WINDOW / 2 - c) / sampleRate;
  }
  return null;
}
