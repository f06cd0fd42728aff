/**
 * Live streaming in headless Chromium: runs a scenario (default: the additive generator streamed from
 * a Worker through the ring buffer into the AudioWorklet) for 60 s and prints underruns, the Worker's
 * time per 128-frame block against the 2.67 ms deadline at 48 kHz, and control-to-sound latency.
 * Usage: npm run bench -- live [--seconds 60] [--buffer 1024] [--transport auto|shared|messages]
 *        [--options '{"hidden":256}'] [--scenario stream]
 */
import { BASE, build, launch, serve, stop } from '../tests/e2e/harness';
import { scenarios, type LiveBenchOptions } from './live/scenarios';

/** The value after `--name`, or `fallback`. */
function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function main(): Promise<void> {
  const name = arg('scenario', Object.keys(scenarios)[0]);
  const scenario = scenarios[name];
  if (!scenario) throw new Error(`bench live: no scenario "${name}" (have: ${Object.keys(scenarios).join(', ')})`);
  const options: LiveBenchOptions = {
    seconds: Number(arg('seconds', '60')),
    bufferFrames: Number(arg('buffer', '1024')),
    transport: arg('transport', 'auto') as LiveBenchOptions['transport'],
    generatorOptions: JSON.parse(arg('options', '{}')) as Record<string, unknown>,
  };
  if (!(options.seconds > 0) || !(options.bufferFrames >= 128)) throw new Error('bench live: --seconds must be > 0 and --buffer ≥ 128');
  build();
  const server = await serve();
  const browser = await launch();
  try {
    const page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(BASE + scenario.path);
    await page.waitForFunction(() => window.__liveio !== undefined);
    console.log(`live bench "${name}": ${scenario.describe}; ${options.seconds} s`);
    const r = await scenario.run(page, options);
    if (errors.length) throw new Error(`the page failed: ${errors.join('; ')}`);
    const deadline = (128 / r.sampleRate) * 1000;
    const p = r.stats.producer!;
    const ms = r.latencies.map((l) => l.ms).sort((a, b) => a - b);
    const total = r.latencies.map((l) => l.totalMs).sort((a, b) => a - b);
    const playedS = r.stats.streamFrames / r.sampleRate;
    console.log(r.subject);
    console.log('| figure | value |');
    console.log('| --- | --- |');
    console.log(`| audio played | ${playedS.toFixed(1)} s (${r.stats.quanta} quanta) |`);
    console.log(`| underruns | ${r.stats.underruns} quanta, ${r.stats.underrunFrames} frames (${r.underrunsAfterWarmup} after the first second) |`);
    console.log(`| generate per 128 frames | mean ${p.meanMs.toFixed(3)} ms, p50 ${p.p50Ms.toFixed(2)}, p99 ${p.p99Ms.toFixed(2)}, max ${p.maxMs.toFixed(2)} ms (${p.blocks} blocks of ${p.blockFrames}) |`);
    console.log(`| vs deadline ${deadline.toFixed(2)} ms | mean ${((100 * p.meanMs) / deadline).toFixed(1)} %, p99 ${((100 * p.p99Ms) / deadline).toFixed(1)} % |`);
    console.log(`| control → first sample out | median ${quantile(ms, 0.5).toFixed(1)} ms, p95 ${quantile(ms, 0.95).toFixed(1)}, max ${ms.at(-1)!.toFixed(1)} (${ms.length} changes) |`);
    console.log(`| … + output latency | median ${quantile(total, 0.5).toFixed(1)} ms (output ${r.latencies[0]?.outputMs.toFixed(1)} ms as the browser reports it) |`);
  } finally {
    await browser.close();
    stop(server);
  }
}

main().catch((err) => {
  console.error(`bench live: ${(err as Error).message}`);
  process.exit(1);
});
