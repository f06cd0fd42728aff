/**
 * Real-time factor of DDSP decoder + synth (public/models/ddsp-sax) at 16 and 48 kHz, side by side:
 * in Node on one thread (onnxruntime-web WASM), and in Chromium in the built app — the decoder in
 * the page's inference Worker on WASM and on WebGPU (SwiftShader), the synth on the page's thread.
 * The last columns run the live instrument's stream generator (one decoder call per 4 ms frame,
 * frame-by-frame synth, 128-sample blocks at 48 kHz), on onnxruntime as its Worker does and (Node
 * only) on the hand-written decoder its AudioWorklet runs. Target: ≥ 20× real time on one core; each
 * speed is also given as a fraction of it. In Node both wall-clock and CPU time are shown: on a
 * shared machine CPU time is what one free core would take. Then the live DDSP instrument streams
 * in Chromium (bench/ddsp/liveScenario.ts through bench/live's runner): underruns, Worker time per
 * block and note-to-sound latency, with the ring buffer of the live instrument (4096 frames) and two
 * shorter ones (2048, 1024).
 *
 * Run: flock /tmp/e2e.lock npm run bench -- ddsp [--seconds 10] [--reps 3] [--live-seconds 20] [--no-browser]
 * (the browser half builds the app and serves it on port 4173, as the e2e tests do)
 */
import { build as viteBuild } from 'vite';
import { loadWorkletDecoder } from '../nodes/ddsp/live/workletDecoder';
import { createNodeModelService, diskSource, SHIPPED_MODELS_DIR } from '../src/ml/nodeModels';
import { DDSP_DECODER_CONTRACT } from '../nodes/ddsp/decoder';
import { build, launch, openApp, serve, stop } from '../tests/e2e/harness';
import type { BrowserTiming } from './ddsp/browserEntry';
import { ddspLiveScenario } from './ddsp/liveScenario';
import { timePipeline, type PipelineTiming } from './ddsp/pipeline';
import { liveReport, runLiveScenario } from './live/report';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const SECONDS = option('--seconds', 10);
const REPS = option('--reps', 3);
const LIVE_SECONDS = option('--live-seconds', 20);
/** Times faster than real time the DDSP path should run on one core. */
const TARGET = 20;
/**
 * The live runs: the live instrument's own setting (a 4096-frame ring with an adaptive lead from 2048
 * down to 1024, src/audio/live/liveStreams.ts), then fixed leads of 4096, 2048 and 1024 frames for comparison.
 */
const LIVE_RUNS: { bufferFrames: number; leadFrames?: number; startLeadFrames?: number }[] = [
  { bufferFrames: 4096, leadFrames: 1024, startLeadFrames: 2048 }, { bufferFrames: 4096 }, { bufferFrames: 2048 }, { bufferFrames: 1024 },
];

interface Row extends PipelineTiming {
  where: string;
}

async function nodeRow(): Promise<Row> {
  const models = createNodeModelService();
  try {
    const model = await models.load('ddsp-sax', { require: DDSP_DECODER_CONTRACT, provider: 'wasm' });
    const weights = await loadWorkletDecoder(diskSource(SHIPPED_MODELS_DIR), 'sax');
    return { where: 'Node, WASM, 1 thread', ...(await timePipeline(model, SECONDS, REPS, weights)) };
  } finally {
    await models.dispose();
  }
}

/** bench/ddsp/browserEntry.ts as one script to inject into the page. */
async function browserBundle(): Promise<string> {
  const out = await viteBuild({
    configFile: false, logLevel: 'error',
    build: { write: false, minify: false, lib: { entry: 'bench/ddsp/browserEntry.ts', formats: ['iife'], name: 'ddspBench' } },
  });
  const outputs = Array.isArray(out) ? out : [out];
  const chunk = outputs.flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('bench ddsp: bundling bench/ddsp/browserEntry.ts produced no script');
  return chunk.code;
}

/** Browser rows, and the live reports. */
async function browserRows(): Promise<{ rows: Row[]; live: string[] }> {
  const script = await browserBundle();
  build();
  const server = await serve();
  const browser = await launch();
  try {
    const rows: Row[] = [];
    for (const provider of ['wasm', 'webgpu'] as const) {
      const ctx = await openApp(browser);
      try {
        await ctx.page.addScriptTag({ content: script });
        const t = await ctx.page.evaluate(([p, s, r]) => window.__ddspBench!(p, s, r), [provider, SECONDS, REPS] as const) as BrowserTiming;
        const label = t.provider === 'webgpu' ? 'Chromium, WebGPU (SwiftShader)' : `Chromium, WASM, ${t.numThreads} thread${t.numThreads === 1 ? '' : 's'}`;
        rows.push({ ...t, where: t.provider === provider ? label : `${label} (asked ${provider}: ${t.fallbackReason})` });
      } finally {
        await ctx.context.close();
      }
    }
    const live: string[] = [];
    for (const run of LIVE_RUNS) {
      const r = await runLiveScenario(browser, ddspLiveScenario, { seconds: LIVE_SECONDS, ...run, transport: 'auto', generatorOptions: {} });
      live.push('', ...liveReport(r));
    }
    return { rows, live };
  } finally {
    await browser.close();
    stop(server);
  }
}

/** Times faster than real time for `seconds` of audio made in `ms`, and that as a fraction of the target. */
const speed = (seconds: number, ms: number): string => {
  if (Number.isNaN(ms)) return '—';
  const x = (seconds * 1000) / ms;
  return `${x.toFixed(1)}x (${(x / TARGET).toFixed(2)})`;
};

function table(rows: Row[]): string {
  const head = ['where (decoder)', 'clock', 'decoder ms', 'synth 16k ms', 'synth 48k ms', 'decoder+synth 16 kHz', 'decoder+synth 48 kHz', 'live stream 48 kHz', 'worklet decoder live 48 kHz'];
  const body = rows.flatMap((r) => (['wall', 'cpu'] as const).filter((k) => !Number.isNaN(r.decoder[k])).map((k) => [
    r.where, k === 'wall' ? 'wall' : 'CPU', r.decoder[k].toFixed(0), r.synth16[k].toFixed(0), r.synth48[k].toFixed(0),
    speed(r.seconds, r.decoder[k] + r.synth16[k]), speed(r.seconds, r.decoder[k] + r.synth48[k]), speed(r.seconds, r.liveStream48[k]),
    speed(r.seconds, r.workletStream48[k]),
  ]));
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

const rows = [await nodeRow()];
const browser = args.includes('--no-browser') ? null : await browserRows();
if (browser) rows.push(...browser.rows);
console.log(`DDSP decoder + synth, ${rows[0].seconds.toFixed(1)} s of audio (${rows[0].frames} frames), median of ${REPS}; "x" = times faster than real time, (n) = x ÷ the ${TARGET}x target`);
console.log(table(rows));
for (const r of rows) {
  for (const k of ['wall', 'cpu'] as const) {
    if (Number.isNaN(r.decoder[k])) continue;
    const at = (synth: number) => (r.seconds * 1000) / (r.decoder[k] + synth);
    const [x16, x48] = [at(r.synth16[k]), at(r.synth48[k])];
    const verdict = (x: number) => `${x.toFixed(1)}x ${x >= TARGET ? 'met' : 'NOT met'}`;
    console.log(`target ≥ ${TARGET}x (${r.where}, ${k === 'wall' ? 'wall clock' : 'CPU time'}): 16 kHz ${verdict(x16)}, 48 kHz ${verdict(x48)}`);
  }
}
console.log('CPU time counts only the cycles this process got: on a shared machine it is what one free core would take; wall time includes waiting for the CPU.');
if (browser) console.log(browser.live.join('\n'));
