/**
 * Live streaming in headless Chromium: runs a scenario (default: the additive generator streamed from
 * a Worker through the ring buffer into the AudioWorklet) for 60 s and prints underruns, the Worker's
 * time per 128-frame block against the 2.67 ms deadline at 48 kHz, and control-to-sound latency.
 * Usage: npm run bench -- live [--seconds 60] [--buffer 1024] [--lead FRAMES] [--start-lead FRAMES] [--transport auto|shared|messages]
 *        [--options '{"hidden":256}'] [--scenario stream]
 */
import { build, launch, serve, stop } from '../tests/e2e/harness';
import { liveReport, runLiveScenario } from './live/report';
import { scenarios, type LiveBenchOptions } from './live/scenarios';

/** The value after `--name`, or `fallback`. */
function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const name = arg('scenario', Object.keys(scenarios)[0]);
  const scenario = scenarios[name];
  if (!scenario) throw new Error(`bench live: no scenario "${name}" (have: ${Object.keys(scenarios).join(', ')})`);
  const options: LiveBenchOptions = {
    seconds: Number(arg('seconds', '60')),
    bufferFrames: Number(arg('buffer', '1024')),
    leadFrames: arg('lead', '') ? Number(arg('lead', '')) : undefined,
    startLeadFrames: arg('start-lead', '') ? Number(arg('start-lead', '')) : undefined,
    transport: arg('transport', 'auto') as LiveBenchOptions['transport'],
    generatorOptions: JSON.parse(arg('options', '{}')) as Record<string, unknown>,
  };
  if (!(options.seconds > 0) || !(options.bufferFrames >= 128)) throw new Error('bench live: --seconds must be > 0 and --buffer ≥ 128');
  build();
  const server = await serve();
  const browser = await launch();
  try {
    console.log(`live bench "${name}": ${scenario.describe}; ${options.seconds} s`);
    console.log(liveReport(await runLiveScenario(browser, scenario, options)).join('\n'));
  } finally {
    await browser.close();
    stop(server);
  }
}

main().catch((err) => {
  console.error(`bench live: ${(err as Error).message}`);
  process.exit(1);
});
