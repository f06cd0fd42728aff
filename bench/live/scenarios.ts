/**
 * What bench/live.ts can run in the browser. A scenario gets the live I/O test page and a duration
 * and returns what it measured; `npm run bench -- live --scenario NAME` picks it. Whole example
 * patches played live are measured by bench/live-patch.ts.
 */
import type { Page } from 'playwright-core';
import type { ControlLatency, StreamStats } from '../../src/audio/stream';
import { ddspLiveScenario } from '../ddsp/liveScenario';

/** Options from the command line. */
export interface LiveBenchOptions {
  seconds: number;
  bufferFrames: number;
  /** Adaptive lead (the least kept ahead, grown on underruns); absent: the whole buffer. */
  leadFrames?: number;
  /** The adaptive lead at the start (default leadFrames). */
  startLeadFrames?: number;
  transport: 'auto' | 'shared' | 'messages';
  /** Options for the generator (JSON from --options). */
  generatorOptions: Record<string, unknown>;
}

/** What a scenario reports. */
export interface LiveBenchResult {
  /** What ran, in words. */
  subject: string;
  /** Stats at the end (underruns counted over the whole run, warm-up included). */
  stats: StreamStats;
  /** Underruns after the first second. */
  underrunsAfterWarmup: number;
  latencies: ControlLatency[];
  sampleRate: number;
}

/** A browser workload bench/live.ts can measure. */
export interface LiveScenario {
  describe: string;
  /** Page of the served app to open (relative to its root). */
  path: string;
  run(page: Page, options: LiveBenchOptions): Promise<LiveBenchResult>;
}

const CONTROL_EVERY_MS = 500;

/** The streaming path with the additive generator: a DDSP-shaped network plus additive synthesis per block. */
const stream: LiveScenario = {
  describe: 'Worker → ring → AudioWorklet with the additive (DDSP-shaped) generator; a frequency change every 0.5 s',
  path: 'tests/e2e/pages/liveio.html',
  async run(page, options) {
    const started = await page.evaluate((o) => window.__liveio!.startStream({
      generator: 'additive', options: o.generatorOptions, bufferFrames: o.bufferFrames, leadFrames: o.leadFrames, startLeadFrames: o.startLeadFrames, transport: o.transport,
    }), options);
    await page.waitForTimeout(1000);
    const warm = await page.evaluate(() => window.__liveio!.streamStats());
    const latencies: ControlLatency[] = [];
    const end = Date.now() + options.seconds * 1000;
    for (let i = 0; Date.now() < end; i++) {
      const frequency = i % 2 ? 330 : 220;
      latencies.push(await page.evaluate((f) => window.__liveio!.control({ frequency: f }), frequency));
      await page.waitForTimeout(CONTROL_EVERY_MS);
    }
    const stats = await page.evaluate(() => window.__liveio!.streamStats());
    await page.evaluate(() => window.__liveio!.stopStream());
    const o = { hidden: 192, layers: 3, harmonics: 48, hop: 64, ...options.generatorOptions };
    return {
      subject: `additive generator (${o.layers}×${o.hidden} network every ${o.hop} frames, ${o.harmonics} partials), ${stats.transport} transport, buffer ${options.bufferFrames} frames${options.leadFrames ? `, adaptive lead ${options.startLeadFrames ? `${options.startLeadFrames} → ` : ''}${options.leadFrames}` : ''}`,
      stats,
      underrunsAfterWarmup: stats.underruns - warm.underruns,
      latencies,
      sampleRate: started.sampleRate,
    };
  },
};

/** Scenarios by name; the first is the default. */
export const scenarios: Record<string, LiveScenario> = { stream, ddsp: ddspLiveScenario };
