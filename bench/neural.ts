/**
 * Generation speed of the symbolic neural models with and without their state: tokens per second
 * generating 512 tokens one call per token, carrying the recurrent state / key-value cache
 * ("cached") against recomputing the whole context from the empty state at every step ("full"),
 * for the melody LSTM and the chorale transformer — onnxruntime-web WASM in Node, then WASM and
 * WebGPU (SwiftShader) in headless Chromium through the built page's inference Worker. Both modes
 * decode greedily, so they must produce the same tokens; the table says whether they did.
 * WebGPU runs generate --webgpu-tokens (default 48) in both modes: SwiftShader is a CPU emulation of a GPU.
 * Run: npm run bench -- neural [--tokens 512] [--webgpu-tokens 48] [--fixtures] [--no-browser]
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createNodeModelService, SHIPPED_MODELS_DIR } from '../src/ml/nodeModels';
import type { LoadedModel } from '../src/ml/service';
import { BOS } from '../src/music/tokensVocab';
import type { BrowserJob, BrowserReport } from './neural/browser';
import { generationLoop, type LoopResult } from './neural/loop';
import { printTable, type Row } from './neural/table';

const { values: args } = parseArgs({
  options: { tokens: { type: 'string', default: '512' }, 'webgpu-tokens': { type: 'string', default: '48' }, fixtures: { type: 'boolean', default: false }, 'no-browser': { type: 'boolean', default: false } },
});
const root = resolve(import.meta.dirname, '..');
const wanted = Number(args.tokens);
const models = args.fixtures ? ['tiny-lstm', 'tiny-gpt'] : ['melody-lstm', 'chorale-transformer'];
const prompt = [BOS];
const modes = ['cached', 'full'] as const;

/** The longest context of a model: the manifest's max_positions, else config.json's n_positions (HF layout), else unbounded. */
function maxPositions(model: LoadedModel): number {
  const declared = (model.manifest.contract as { max_positions?: unknown }).max_positions;
  if (typeof declared === 'number') return declared;
  if (!model.manifest.files.some((f) => f.path === 'config.json')) return Infinity;
  const n = (model.json('config.json') as { n_positions?: unknown }).n_positions;
  return typeof n === 'number' ? n : Infinity;
}

const service = createNodeModelService(args.fixtures ? resolve(root, 'tests/fixtures/models') : SHIPPED_MODELS_DIR);
const tokens: Record<string, number> = {};
const rows: Row[] = [];
const described: string[] = [];
for (const id of models) {
  const model = await service.load(id, { provider: 'wasm' });
  tokens[id] = Math.min(wanted, maxPositions(model) - prompt.length);
  described.push(`${id}: ${model.manifest.kind}, graph sha256 ${model.sha256.slice(0, 12)}…`);
  for (const mode of modes) await generationLoop(model, { mode, tokens: 4, prompt });
  const results = {} as Record<(typeof modes)[number], LoopResult>;
  for (const mode of modes) {
    results[mode] = await generationLoop(model, { mode, tokens: tokens[id], prompt });
    console.error(`  node ${id} ${mode}: ${(tokens[id] / (results[mode].ms / 1000)).toFixed(1)} tokens/s`);
  }
  rows.push({ model: id, runtime: 'Node', asked: 'wasm', cached: results.cached, full: results.full });
}
await service.dispose();

let browserInfo = 'Chromium: not run (--no-browser)';
if (!args['no-browser']) {
  const job: BrowserJob = { source: args.fixtures ? 'fixtures' : 'shipped', models, providers: ['wasm', 'webgpu'], modes: [...modes], tokens, webgpuTokens: Number(args['webgpu-tokens']), prompt };
  // The preview port is shared with the e2e tests: one of them at a time, machine-wide.
  const child = spawnSync('flock', ['/tmp/e2e.lock', 'npx', 'tsx', 'bench/neural/browser.ts', JSON.stringify(job)],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
  const line = child.stdout.split('\n').find((l) => l.startsWith('BROWSER_RESULT '));
  if (child.status !== 0 || !line) throw new Error(`bench neural: the Chromium run failed (exit ${child.status}):\n${child.stdout}`);
  const report = JSON.parse(line.slice('BROWSER_RESULT '.length)) as BrowserReport;
  for (const id of models) {
    for (const asked of job.providers) {
      const of = (mode: string) => report.runs.find((r) => r.model === id && r.asked === asked && r.result.mode === mode)!.result;
      rows.push({ model: id, runtime: 'Chromium', asked, cached: of('cached'), full: of('full') });
    }
  }
  browserInfo = `Chromium ${report.chromium}, onnxruntime-web ${report.ortVersion} in the page's Worker (${report.numThreads} WASM thread${report.numThreads === 1 ? '' : 's'}), WebGPU adapter: ${report.adapter}`;
}

const cpu = cpus();
console.log(`\nGeneration speed, ${wanted} tokens from <bos> (WebGPU rows: ${args['webgpu-tokens']}; greedy), one model call per token: cached = state / KV cache carried, full = whole context recomputed every step`);
console.log(`Machine: ${cpu.length} × ${cpu[0]?.model.trim()}, load average ${loadavg()[0].toFixed(1)}, Node ${process.version} (onnxruntime-web WASM, 1 thread); ${browserInfo}`);
for (const d of described) console.log(`  ${d}`);
printTable(rows);
