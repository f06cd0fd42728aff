/**
 * Checks an exported DDSP decoder in onnxruntime-web (WASM, one thread) in Node: names and shapes
 * against the manifest's contract, outputs against PyTorch's (reference.json), frame-by-frame
 * stepping with state_out fed back against one call, and the speed of one call over 10 s of frames.
 * Prints `ok …` / `FAIL …` lines and a final JSON line; exits 1 if a check failed.
 * Run: node training/ddsp/check_onnx.mjs public/models/ddsp-sax
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';

const FRAME_RATE = 250;
const dir = process.argv[2];
if (!dir) {
  console.error('usage: node training/ddsp/check_onnx.mjs MODEL_FOLDER');
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const ref = JSON.parse(readFileSync(join(dir, 'reference.json'), 'utf8'));
const hidden = manifest.contract.inputs.find((s) => s.name === 'state').shape[2];
let failed = 0;
const summary = {};

function check(name, fn) {
  return Promise.resolve()
    .then(fn)
    .then((note) => console.log(`ok   ${name}${note ? ` (${note})` : ''}`))
    .catch((e) => {
      failed++;
      console.log(`FAIL ${name}: ${e instanceof Error ? e.message : String(e)}`);
    });
}

function maxDiff(a, b) {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

/** Feeds for frames of f0/loudness with a given GRU state (zeros when absent). */
function feeds(f0, loudness, state) {
  const t = f0.length;
  return {
    f0: new ort.Tensor('float32', Float32Array.from(f0), [1, t]),
    loudness: new ort.Tensor('float32', Float32Array.from(loudness), [1, t]),
    state: state ?? new ort.Tensor('float32', new Float32Array(hidden), [1, 1, hidden]),
  };
}

/** The reference inputs repeated to n frames. */
function tiled(values, n) {
  return Array.from({ length: n }, (_, i) => values[i % values.length]);
}

ort.env.wasm.numThreads = 1;
const session = await ort.InferenceSession.create(readFileSync(join(dir, manifest.onnx)), { executionProviders: ['wasm'] });

await check('input and output names match the contract', () => {
  const want = (specs) => specs.map((s) => s.name).sort().join(',');
  if ([...session.inputNames].sort().join(',') !== want(manifest.contract.inputs)) throw new Error(`inputs ${session.inputNames}`);
  if ([...session.outputNames].sort().join(',') !== want(manifest.contract.outputs)) throw new Error(`outputs ${session.outputNames}`);
});

await check('outputs and shapes equal PyTorch reference', async () => {
  const { f0, loudness } = ref.inputs;
  const out = await session.run(feeds(f0, loudness));
  let d = 0;
  for (const spec of manifest.contract.outputs) {
    const want = spec.shape.map((x) => (x === 'frames' ? f0.length : x)).join(',');
    if (out[spec.name].dims.join(',') !== want) throw new Error(`${spec.name} is [${out[spec.name].dims}], expected [${want}]`);
    d = Math.max(d, maxDiff(out[spec.name].data, ref.outputs[spec.name]));
  }
  if (d > ref.tolerance) throw new Error(`max |difference| ${d} > ${ref.tolerance}`);
  summary.referenceMaxDiff = d;
  return `max |difference| ${d.toExponential(1)}`;
});

await check('frame-by-frame stepping with state equals one call', async () => {
  const n = 200;
  const f0 = tiled(ref.inputs.f0, n);
  const loudness = tiled(ref.inputs.loudness, n).map((v, i) => v - 20 * Math.sin(i / 30) ** 2);
  const whole = await session.run(feeds(f0, loudness));
  let state;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const out = await session.run(feeds([f0[i]], [loudness[i]], state));
    state = out.state_out;
    for (const [name, width] of [['amplitude', 1], ['harmonics', 60], ['noise', 65]]) {
      d = Math.max(d, maxDiff(out[name].data, whole[name].data.subarray(i * width, (i + 1) * width)));
    }
  }
  d = Math.max(d, maxDiff(state.data, whole.state_out.data));
  if (d > 1e-4) throw new Error(`max |difference| ${d}`);
  summary.steppingMaxDiff = d;
  return `${n} frames, max |difference| ${d.toExponential(1)}`;
});

await check('speed of one call over 10 s of frames', async () => {
  const n = 10 * FRAME_RATE;
  const input = feeds(tiled(ref.inputs.f0, n), tiled(ref.inputs.loudness, n));
  await session.run(input);
  const times = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    await session.run(input);
    times.push(performance.now() - t);
  }
  const ms = Math.min(...times); // the fastest run: the least disturbed by other processes
  summary.msPer10s = Math.round(ms * 10) / 10;
  summary.realTimeFactor = Math.round(10000 / ms);
  return `${ms.toFixed(1)} ms, fastest of 10: ${summary.realTimeFactor}x real time on one WASM thread`;
});

console.log(JSON.stringify({ dir, failed, ...summary }));
process.exit(failed > 0 ? 1 : 0);
