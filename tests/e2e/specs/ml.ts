/**
 * The model pipeline in the built page: the fixture models (tests/fixtures/models, served at
 * /test-models/) load through the page's model service into the inference Worker, once on WebGPU
 * (SwiftShader) and once on WASM; both report their provider, and their logits agree with each
 * other and with PyTorch's. The GPT fixture also steps token by token with its KV cache on WebGPU.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { JsonTensor, ProbeRequest, ProbeResult } from '../../../src/ml/testProbe';
import { ROOT } from '../harness';
import { expect, type Spec } from './spec';
import type { Page } from 'playwright-core';

interface Reference {
  input_ids: number[];
  logits: { dims: number[]; data: number[] };
}

const reference = (id: string): Reference =>
  JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/models', id, 'reference.json'), 'utf8')) as Reference;

const probeRun = (page: Page, request: ProbeRequest): Promise<ProbeResult> =>
  page.evaluate(async (req) => (await window.__genpatch!.ml()).run(req), request);

const ids = (values: number[]): JsonTensor => ({ type: 'int64', dims: [1, values.length], data: values });
const zeros = (dims: number[]): JsonTensor => ({ type: 'float32', dims, data: new Array(dims.reduce((a, b) => a * b, 1)).fill(0) });

/** Largest absolute difference of two equally long arrays. */
function maxDiff(a: number[], b: number[]): number {
  expect(a.length === b.length, `lengths differ: ${a.length} vs ${b.length}`);
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
}

function lstmFeeds(tokens: number[]): Record<string, JsonTensor> {
  return { input_ids: ids(tokens), h: zeros([1, 1, 12]), c: zeros([1, 1, 12]) };
}

function gptFeeds(tokens: number[], past: Record<string, JsonTensor> | null, pastLength: number): Record<string, JsonTensor> {
  const total = pastLength + tokens.length;
  const feeds: Record<string, JsonTensor> = {
    input_ids: ids(tokens),
    attention_mask: ids(new Array(total).fill(1)),
    position_ids: ids(tokens.map((_, i) => pastLength + i)),
  };
  for (let layer = 0; layer < 2; layer++) {
    for (const kv of ['key', 'value']) {
      feeds[`past_key_values.${layer}.${kv}`] = past?.[`present.${layer}.${kv}`] ?? zeros([1, 2, 0, 4]);
    }
  }
  return feeds;
}

/** Specs of the model pipeline. */
export const mlSpecs: Spec[] = [
  {
    name: 'ml: fixture models run in the inference Worker on WebGPU and WASM with matching logits',
    async run({ page }) {
      const report: string[] = [];
      for (const [model, feeds] of [['tiny-lstm', lstmFeeds], ['tiny-gpt', (t: number[]) => gptFeeds(t, null, 0)]] as const) {
        const ref = reference(model);
        const logits: Record<string, number[]> = {};
        for (const provider of ['webgpu', 'wasm'] as const) {
          const result = await probeRun(page, { model, provider, feeds: feeds(ref.input_ids), outputs: ['logits'] });
          expect(result.provider === provider, `${model}: asked for ${provider}, ran on ${result.provider}`);
          expect(JSON.stringify(result.outputs.logits.dims) === JSON.stringify(ref.logits.dims),
            `${model} on ${provider}: logits dims ${result.outputs.logits.dims} (PyTorch: ${ref.logits.dims})`);
          const diff = maxDiff(result.outputs.logits.data, ref.logits.data);
          expect(diff < 1e-4, `${model} on ${provider}: logits differ from PyTorch's by ${diff}`);
          logits[provider] = result.outputs.logits.data;
          report.push(`${model} on ${result.provider}: max |Δ| vs PyTorch ${diff.toExponential(1)}`);
        }
        const across = maxDiff(logits.webgpu, logits.wasm);
        expect(across < 1e-4, `${model}: WebGPU and WASM logits differ by ${across}`);
      }
      const env = await page.evaluate(async () => (await window.__genpatch!.ml()).environment());
      expect(env.crossOriginIsolated, 'the inference Worker is not cross-origin isolated (COOP/COEP headers missing)');
      report.unshift(`onnxruntime-web ${env.ortVersion}, ${env.numThreads} WASM threads`);
      const stats = await page.evaluate(async () => (await window.__genpatch!.ml()).stats());
      expect(stats.sessionsCreated === 4, `expected 4 sessions (2 models × 2 providers), got ${stats.sessionsCreated}`);
      console.log(`     ${report.join('\n     ')}`);
    },
  },
  {
    name: 'ml: the GPT fixture steps with its KV cache on WebGPU, from past length 0, as one full call',
    async run({ page }) {
      const ref = reference('tiny-gpt');
      const tokens = ref.input_ids;
      const vocab = ref.logits.dims[2];
      let past: Record<string, JsonTensor> | null = null;
      for (let t = 0; t < tokens.length; t++) {
        const step = await probeRun(page, { model: 'tiny-gpt', provider: 'webgpu', feeds: gptFeeds([tokens[t]], past, t) });
        expect(step.provider === 'webgpu', `ran on ${step.provider}`);
        expect(step.outputs['present.0.key'].dims[2] === t + 1, `present length ${step.outputs['present.0.key'].dims[2]} after step ${t}`);
        const diff = maxDiff(step.outputs.logits.data, ref.logits.data.slice(t * vocab, (t + 1) * vocab));
        expect(diff < 1e-4, `step ${t}: cached logits differ from the full sequence's by ${diff}`);
        past = step.outputs;
      }
    },
  },
];
