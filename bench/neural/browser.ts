/**
 * The Chromium half of bench/neural.ts: builds the app, serves it (tests/e2e/harness.ts), opens it
 * in headless Chromium with WebGPU on SwiftShader, and runs generationLoop (loop.ts) inside the page
 * on each model through the page's inference Worker, on WASM and on WebGPU, cached and full. Prints
 * one JSON line `BROWSER_RESULT {...}` for the parent. Run it under `flock /tmp/e2e.lock` (the
 * preview port is shared with the e2e tests); bench/neural.ts does.
 * Usage: npx tsx bench/neural/browser.ts '<json of BrowserJob>'
 */
import type { Page } from 'playwright-core';
import type { ProbeSource } from '../../src/ml/testProbe';
import { build, launch, openApp, serve, stop } from '../../tests/e2e/harness';
import { generationLoop, type LoopOptions, type LoopResult } from './loop';

/** What the parent asks for. */
export interface BrowserJob {
  source: ProbeSource;
  models: string[];
  providers: ('wasm' | 'webgpu')[];
  modes: LoopOptions['mode'][];
  tokens: Record<string, number>;
  /** Tokens per run on WebGPU: SwiftShader emulates the GPU on the CPU, and 512 full-context steps take most of an hour there. */
  webgpuTokens: number;
  prompt: number[];
}

/** What comes back: loop results per model, provider and mode, plus the browser's environment. */
export interface BrowserReport {
  chromium: string;
  adapter: string;
  ortVersion: string;
  numThreads: number;
  runs: { model: string; asked: string; result: LoopResult }[];
}

/** Runs one loop in the page; the function's source is rebuilt there (tsx's __name helper stubbed). */
function runInPage(page: Page, model: string, provider: string, source: ProbeSource, options: LoopOptions): Promise<LoopResult> {
  return page.evaluate(async ({ src, model, provider, source, options }) => {
    const loop = new Function('__name', `return (${src})`)((f: unknown) => f) as typeof generationLoop;
    const probe = await window.__genpatch!.ml();
    return loop(await probe.model(model, provider as 'wasm' | 'webgpu', source), options);
  }, { src: generationLoop.toString(), model, provider, source, options });
}

async function main(job: BrowserJob): Promise<BrowserReport> {
  build();
  const server = await serve();
  const browser = await launch();
  try {
    const { page } = await openApp(browser);
    const adapter = await page.evaluate(async () => {
      const a = await (navigator as Navigator & { gpu?: { requestAdapter(): Promise<{ info?: Record<string, string> } | null> } }).gpu?.requestAdapter();
      return a ? [a.info?.vendor, a.info?.architecture, a.info?.description].filter(Boolean).join(' / ') || 'unnamed adapter' : 'none';
    });
    const runs: BrowserReport['runs'] = [];
    for (const model of job.models) {
      for (const provider of job.providers) {
        // Warm-up: loads the session and compiles the kernels of both input lengths.
        for (const mode of job.modes) await runInPage(page, model, provider, job.source, { mode, tokens: 4, prompt: job.prompt });
        for (const mode of job.modes) {
          const tokens = provider === 'webgpu' ? Math.min(job.webgpuTokens, job.tokens[model]) : job.tokens[model];
          const result = await runInPage(page, model, provider, job.source, { mode, tokens, prompt: job.prompt });
          runs.push({ model, asked: provider, result });
          console.error(`  chromium ${model} ${provider} ${mode}: ${(result.tokens.length / (result.ms / 1000)).toFixed(1)} tokens/s (ran on ${result.provider})`);
        }
      }
    }
    // After the runs: onnxruntime sets its thread count when its WASM starts.
    const env = await page.evaluate(async () => (await window.__genpatch!.ml()).environment());
    return { chromium: browser.version(), adapter, ortVersion: env.ortVersion, numThreads: env.numThreads, runs };
  } finally {
    await browser.close();
    stop(server);
  }
}

main(JSON.parse(process.argv[2]) as BrowserJob).then((report) => {
  console.log(`BROWSER_RESULT ${JSON.stringify(report)}`);
  process.exit(0);
}, (err: Error) => {
  console.error(`bench/neural/browser: ${err.stack ?? err.message}`);
  process.exit(1);
});
