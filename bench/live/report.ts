/** Running a live scenario in a browser page and printing its figures: shared by bench/live.ts and bench/ddsp.ts. */
import type { Browser } from 'playwright-core';
import { BASE } from '../../tests/e2e/harness';
import type { LiveBenchOptions, LiveBenchResult, LiveScenario } from './scenarios';

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/**
 * Opens the scenario's page in `browser`, runs it and returns what it measured; page errors fail it.
 * @example
 * const r = await runLiveScenario(browser, scenarios.stream, { seconds: 10, bufferFrames: 1024, transport: 'auto', generatorOptions: {} });
 */
export async function runLiveScenario(browser: Browser, scenario: LiveScenario, options: LiveBenchOptions): Promise<LiveBenchResult> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(BASE + scenario.path);
    await page.waitForFunction(() => window.__liveio !== undefined);
    const r = await scenario.run(page, options);
    if (errors.length) throw new Error(`the page failed: ${errors.join('; ')}`);
    return r;
  } finally {
    await context.close();
  }
}

/**
 * The figures of one run as markdown table lines: underruns, Worker time per block against the
 * deadline, control-to-sound latency.
 * @example
 * console.log(liveReport(r).join('\n'));
 */
export function liveReport(r: LiveBenchResult): string[] {
  const deadline = (128 / r.sampleRate) * 1000;
  const p = r.stats.producer!;
  const ms = r.latencies.map((l) => l.ms).sort((a, b) => a - b);
  const total = r.latencies.map((l) => l.totalMs).sort((a, b) => a - b);
  const playedS = r.stats.streamFrames / r.sampleRate;
  return [
    r.subject,
    '| figure | value |',
    '| --- | --- |',
    `| audio played | ${playedS.toFixed(1)} s (${r.stats.quanta} quanta) |`,
    `| underruns | ${r.stats.underruns} quanta, ${r.stats.underrunFrames} frames (${r.underrunsAfterWarmup} after the warm-up) |`,
    `| generate per 128 frames | mean ${p.meanMs.toFixed(3)} ms, p50 ${p.p50Ms.toFixed(2)}, p99 ${p.p99Ms.toFixed(2)}, max ${p.maxMs.toFixed(2)} ms (${p.blocks} blocks of ${p.blockFrames}) |`,
    `| vs deadline ${deadline.toFixed(2)} ms | mean ${((100 * p.meanMs) / deadline).toFixed(1)} %, p99 ${((100 * p.p99Ms) / deadline).toFixed(1)} % |`,
    `| control → first sample out | median ${quantile(ms, 0.5).toFixed(1)} ms, p95 ${quantile(ms, 0.95).toFixed(1)}, max ${ms.at(-1)?.toFixed(1)} (${ms.length} changes) |`,
    `| … + output latency | median ${quantile(total, 0.5).toFixed(1)} ms (output ${r.latencies[0]?.outputMs.toFixed(1)} ms as the browser reports it) |`,
  ];
}
