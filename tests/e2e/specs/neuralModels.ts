/**
 * The shipped symbolic models (public/models/melody-lstm, public/models/chorale-transformer) in the
 * built page, through the page's model service and inference Worker: on a real test piece of each
 * model's corpus, WebGPU (SwiftShader) and WASM give the same logits, one cached step (the LSTM's
 * h/c, the transformer's key/value cache fed back) gives the logits of the full call's last
 * position on both providers, both match PyTorch's reference logits from the manifest, and
 * 'auto' passes over SwiftShader's software adapter for WASM, saying why.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { JsonTensor, ProbeRequest, ProbeResult } from '../../../src/ml/testProbe';
import { CORPORA, loadCorpus } from '../../../scripts/nll/corpus';
import { ROOT } from '../harness';
import { expect, type Spec } from './spec';

/** Tokens of the test piece fed to each model. */
const LENGTH = 96;
/** Largest |Δ| allowed between providers, and between a cached step and the full call (float32 on different kernels). */
const TOLERANCE = 2e-3;

interface Manifest {
  contract: { inputs: { name: string; shape: (number | string)[] }[]; state: { input: string; output: string }[] };
  check?: { input_ids: number[]; last_logits: number[]; tolerance: number };
}

const manifestOf = (id: string): Manifest => {
  const file = resolve(ROOT, 'public/models', id, 'manifest.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch (e) {
    throw new Error(`${file}: cannot read the shipped model's manifest (train it with its recipe in training/): ${(e as Error).message}`);
  }
};

const probeRun = (page: Page, request: ProbeRequest): Promise<ProbeResult> =>
  page.evaluate(async (req) => (await window.__genpatch!.ml()).run(req), request);

const ids = (values: number[]): JsonTensor => ({ type: 'int64', dims: [1, values.length], data: values });

/** Feeds for `tokens` after `past` earlier tokens: state from `previous` outputs, else zeros of the contract's shape. */
function feeds(m: Manifest, tokens: number[], past: number, previous: ProbeResult | null): Record<string, JsonTensor> {
  const out: Record<string, JsonTensor> = { input_ids: ids(tokens) };
  const names = new Set(m.contract.inputs.map((t) => t.name));
  if (names.has('attention_mask')) out.attention_mask = ids(new Array(past + tokens.length).fill(1));
  if (names.has('position_ids')) out.position_ids = ids(tokens.map((_, i) => past + i));
  for (const { input, output } of m.contract.state) {
    const spec = m.contract.inputs.find((t) => t.name === input)!;
    const dims = spec.shape.map((d) => (typeof d === 'number' ? d : d === 'batch' ? 1 : 0));
    out[input] = previous?.outputs[output] ?? { type: 'float32', dims, data: new Array(dims.reduce((a, b) => a * b, 1)).fill(0) };
  }
  return out;
}

/** Largest absolute difference of two equally long arrays. */
function maxDiff(a: number[], b: number[], what: string): number {
  expect(a.length === b.length, `${what}: lengths differ (${a.length} vs ${b.length})`);
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
}

/** Specs of the shipped symbolic models. */
export const neuralModelSpecs: Spec[] = CORPORA.map((corpus) => ({
  name: `neural models: ${corpus.modelId} gives the same logits on WebGPU and WASM, full and cached, as PyTorch`,
  async run({ page }) {
    const id = corpus.modelId;
    const m = manifestOf(id);
    const piece = loadCorpus(corpus).split('test')[0];
    const tokens = piece.tokens.slice(0, LENGTH);
    const vocab = 216;
    const report: string[] = [`${id} on test piece "${piece.name}", ${tokens.length} tokens`];
    const full: Record<string, number[]> = {};
    for (const provider of ['webgpu', 'wasm'] as const) {
      const run = (t: number[], past: number, previous: ProbeResult | null) =>
        probeRun(page, { model: id, source: 'shipped', provider, feeds: feeds(m, t, past, previous) });
      const whole = await run(tokens, 0, null);
      expect(whole.provider === provider, `${id}: asked for ${provider}, ran on ${whole.provider}`);
      expect(whole.outputs.logits.dims.join() === [1, tokens.length, vocab].join(), `${id} on ${provider}: logits dims ${whole.outputs.logits.dims}`);
      full[provider] = whole.outputs.logits.data;
      const prefix = await run(tokens.slice(0, -1), 0, null);
      const step = await run(tokens.slice(-1), tokens.length - 1, prefix);
      const stepDiff = maxDiff(step.outputs.logits.data, full[provider].slice(-vocab), `${id} on ${provider}, cached step`);
      expect(stepDiff < TOLERANCE, `${id} on ${provider}: the cached step's logits differ from the full call's last position by ${stepDiff}`);
      let torch = 'no PyTorch reference in the manifest';
      if (m.check) {
        const ref = await run(m.check.input_ids, 0, null);
        const diff = maxDiff(ref.outputs.logits.data.slice(-vocab), m.check.last_logits, `${id} on ${provider}, PyTorch check`);
        expect(diff < m.check.tolerance, `${id} on ${provider}: last logits differ from PyTorch's (manifest check) by ${diff}`);
        torch = `vs PyTorch ${diff.toExponential(1)}`;
      }
      report.push(`${provider}: ran on ${whole.provider}; cached step vs full ${stepDiff.toExponential(1)}; ${torch}`);
    }
    const across = maxDiff(full.webgpu, full.wasm, `${id}, WebGPU vs WASM`);
    expect(across < TOLERANCE, `${id}: WebGPU and WASM logits differ by ${across} over ${tokens.length} tokens`);
    const auto = await probeRun(page, { model: id, source: 'shipped', provider: 'auto', feeds: feeds(m, tokens.slice(0, 4), 0, null) });
    // SwiftShader is a software WebGPU adapter: 'auto' must pass over it for WASM and say why.
    expect(auto.provider === 'wasm' && /software renderer/.test(auto.fallbackReason ?? ''),
      `${id}: 'auto' ran on ${auto.provider} (${auto.fallbackReason ?? 'no reason given'}); on SwiftShader it should pick WASM and say the adapter is software`);
    report.push(`WebGPU vs WASM over the piece: max |Δ| ${across.toExponential(1)}; 'auto' → ${auto.provider} (${auto.fallbackReason})`);
    console.log(`     ${report.join('\n     ')}`);
  },
}));
