/**
 * One live run of a patch for bench/live-patch.ts: opens the app with the patch, turns Live on,
 * records and plays for the given time while a MIDI note is played through the Web MIDI shim every
 * 1.5 s, with the audio thread traced; returns the per-quantum CPU, underruns and latencies. The
 * page's figures are read before the trace stops.
 */
import type { Browser } from 'playwright-core';
import { encodeShareLink } from '../../src/engine/patch';
import type { Patch } from '../../src/engine/patch/types';
import type { LiveHealth } from '../../src/audio/live/liveMonitor';
import type { StreamPlacement } from '../../src/audio/live/liveStreams';
import { BASE } from '../../tests/e2e/harness';
import { onsetAfter, renderTrace, type RenderTrace } from './analysis';
import { deviceUnderruns, installProbes, midiAt, readFigures, streamUnderruns, type PageFigures } from './pageProbes';

/** What one run measured. */
export interface LiveRunResult {
  seconds: number;
  sampleRate: number;
  trace: RenderTrace;
  figures: PageFigures;
  health: LiveHealth;
  /** Control → first sound, ms, for each note whose onset was found. */
  latenciesMs: number[];
  /**
   * Stream underruns: from Live on until tracing started (model load, pre-roll), while Chromium's
   * tracing started, and from then to the end of the performance (the figure the target is about),
   * that last one as a timeline: the first second of playing, then each 1.5 s note cycle.
   */
  underruns: { liveOn: number; traceStart: number; played: number; timeline: number[] };
  /** The device's underrun events (playbackStats) in the same three phases. */
  device: { liveOn: number; traceStart: number; played: number };
  notesPlayed: number;
}

const NOTE_EVERY_MS = 1500;
const NOTE_HOLD_MS = 400;

/**
 * Plays `patch` live for `seconds`, playing MIDI note `pitch` on its keyboard every 1.5 s; with
 * `placement` 'worker' the page runs the DDSP instrument in a Worker (`?streams=worker`).
 */
export async function liveRun(browser: Browser, patch: Patch, seconds: number, pitch: number, placement: StreamPlacement = 'worklet'): Promise<LiveRunResult> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await installProbes(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${BASE}${placement === 'worker' ? '?streams=worker' : ''}#${encodeShareLink(patch)}`);
    await page.waitForFunction(() => window.__genpatch !== undefined);
    await page.evaluate(() => window.__genpatch!.idle());
    await page.getByTestId('live-toggle').click();
    await page.waitForFunction(() => window.__genpatchLive!.enabled(), undefined, { timeout: 60_000 });
    // Instances start behind Live on (a DDSP instrument loads its model, then warms up on the audio
    // thread or in its Worker): give them 2 s, so what they cost shows at "Live on", not at the trace.
    await page.waitForTimeout(2000);
    const liveOn = await streamUnderruns(page);
    const deviceLiveOn = await deviceUnderruns(page);
    // Tracing starts and settles before the performance: starting (and stopping) it stalls the
    // renderer long enough to underrun a stream, which is the bench's doing, not the patch's.
    await browser.startTracing(page, { categories: ['webaudio'] });
    await page.waitForTimeout(1000);
    const traced = await streamUnderruns(page);
    const deviceTraced = await deviceUnderruns(page);
    await page.getByTestId('live-record').click();
    await page.getByTestId('live-play').click();
    await page.waitForFunction(() => window.__genpatchLive!.playing());
    await page.waitForTimeout(1000); // a note needs 300 ms of what played before it
    const controls: number[] = [];
    let counted = await streamUnderruns(page);
    const underrunTimeline: number[] = [counted - traced];
    const end = Date.now() + seconds * 1000;
    while (Date.now() < end - NOTE_EVERY_MS) {
      controls.push(await midiAt(page, [0x90, pitch, 100]));
      await page.waitForTimeout(NOTE_HOLD_MS);
      await midiAt(page, [0x80, pitch, 0]);
      await page.waitForTimeout(NOTE_EVERY_MS - NOTE_HOLD_MS);
      const now = await streamUnderruns(page);
      underrunTimeline.push(now - counted);
      counted = now;
    }
    await page.waitForTimeout(Math.max(0, end - Date.now()));
    const figures = await readFigures(page);
    const deviceEnd = await deviceUnderruns(page);
    const health = (await page.evaluate(() => window.__genpatchLive!.health()))!;
    const trace = renderTrace((await browser.stopTracing()).toString());
    await page.getByTestId('live-record').click();
    await page.waitForFunction(() => window.__genpatchLive!.take() !== null, undefined, { timeout: 60_000 });
    const take = (await page.evaluate(() => window.__genpatchLive!.take()))!;
    await page.getByTestId('live-play').click();
    if (errors.length) throw new Error(`bench live-patch: the page failed: ${errors.join('; ')}`);
    const raw = Buffer.from(take.channel0, 'base64');
    const x = new Float32Array(new Uint8Array(raw).buffer, 0, raw.length / 4);
    const hz = 440 * 2 ** ((pitch - 69) / 12);
    const latenciesMs = controls
      .map((t) => onsetAfter(x, take.sampleRate, t - take.startTime, hz))
      .filter((s): s is number => s !== null)
      .map((s) => s * 1000);
    const played = figures.streams.reduce((s, x) => s + x.underruns, 0) - traced;
    return {
      seconds, sampleRate: take.sampleRate, trace, figures, health, latenciesMs, notesPlayed: controls.length,
      underruns: { liveOn, traceStart: traced - liveOn, played, timeline: underrunTimeline },
      device: { liveOn: deviceLiveOn, traceStart: deviceTraced - deviceLiveOn, played: deviceEnd - deviceTraced },
    };
  } finally {
    await context.close();
  }
}
