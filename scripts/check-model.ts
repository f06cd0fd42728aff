/**
 * Checks a model folder against its manifest with onnxruntime-web (WASM) in Node: every file's
 * sha256 and size, no file missing from the manifest, the session's input/output names against the
 * contract, one step with zero state and its output shapes, stepping with the state tensors fed back
 * against one call over the same tokens, and the logits against PyTorch's (`check` in the manifest).
 * Prints one line per check (`ok …` / `FAIL …`) and exits 1 if any failed.
 * Run: npx tsx scripts/check-model.ts public/models/melody-lstm
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as ort from 'onnxruntime-web';

type Dim = number | string;
type Spec = { name: string; dtype: string; shape: Dim[] };
type Manifest = {
  id: string;
  files: { path: string; sha256: string; bytes: number }[];
  onnx: string;
  contract: { inputs: Spec[]; outputs: Spec[]; state: { input: string; output: string }[] };
  vocabulary: { size: number };
  check?: { input_ids: number[]; last_logits: number[]; tolerance: number };
};
type Feeds = Record<string, ort.Tensor>;

let passed = 0;
let failed = 0;

/** Runs one named check, printing `ok name` or `FAIL name: reason`. */
async function check(name: string, fn: () => Promise<string | void> | string | void): Promise<void> {
  try {
    const note = await fn();
    passed++;
    console.log(`ok   ${name}${note ? ` (${note})` : ''}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => statSync(join(dir, p)).isFile())
    .map((p) => p.split(sep).join('/'))
    .filter((p) => p !== 'manifest.json')
    .sort();
}

/** Resolves a contract dim: numbers stay, 'batch' → 1, 'seq' → seq, 'past' → past, 'past+seq' → both. */
function resolve(shape: Dim[], seq: number, past: number): number[] {
  return shape.map((d) => {
    if (typeof d === 'number') return d;
    const sizes: Record<string, number> = { batch: 1, seq, past, 'past+seq': past + seq };
    if (!(d in sizes)) throw new Error(`unknown symbolic dim '${d}' (expected batch, seq, past or past+seq)`);
    return sizes[d];
  });
}

/** Feeds for `tokens` after `past` earlier tokens, taking state tensors from `state` (zeros if absent). */
function feeds(m: Manifest, tokens: number[], past: number, state: Feeds): Feeds {
  const out: Feeds = {};
  for (const spec of m.contract.inputs) {
    const shape = resolve(spec.shape, tokens.length, past);
    const size = shape.reduce((a, b) => a * b, 1);
    if (spec.name === 'input_ids') out[spec.name] = new ort.Tensor('int64', BigInt64Array.from(tokens, BigInt), shape);
    else if (spec.name === 'attention_mask') out[spec.name] = new ort.Tensor('int64', new BigInt64Array(size).fill(1n), shape);
    else if (spec.name === 'position_ids') out[spec.name] = new ort.Tensor('int64', BigInt64Array.from(tokens, (_, i) => BigInt(past + i)), shape);
    else if (state[spec.name]) out[spec.name] = state[spec.name];
    else if (spec.dtype === 'float32') out[spec.name] = new ort.Tensor('float32', new Float32Array(size), shape);
    else throw new Error(`no rule to feed input ${spec.name} (${spec.dtype})`);
  }
  return out;
}

/** The logits of the last position of a [1, seq, V] tensor. */
function lastRow(t: ort.Tensor): Float32Array {
  const v = t.dims[2];
  const data = t.data as Float32Array;
  return data.slice(data.length - v);
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

async function main(dir: string): Promise<void> {
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  for (const f of m.files) {
    await check(`sha256 ${f.path}`, () => {
      const bytes = readFileSync(join(dir, f.path));
      if (bytes.length !== f.bytes) throw new Error(`${bytes.length} bytes, manifest says ${f.bytes}`);
      const sha = createHash('sha256').update(bytes).digest('hex');
      if (sha !== f.sha256) throw new Error(`sha256 ${sha}, manifest says ${f.sha256}`);
    });
  }
  await check('every file is listed in the manifest', () => {
    const listed = new Set(m.files.map((f) => f.path));
    const extra = listFiles(dir).filter((p) => !listed.has(p));
    if (extra.length) throw new Error(`not in manifest.files: ${extra.join(', ')}`);
  });

  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(readFileSync(join(dir, m.onnx)), { executionProviders: ['wasm'] });
  await check('input names match the contract', () => sameNames(session.inputNames, m.contract.inputs));
  await check('output names match the contract', () => sameNames(session.outputNames, m.contract.outputs));

  const start = m.check?.input_ids ?? [1];
  await check('one step with zero state: output shapes', async () => {
    const out = await session.run(feeds(m, start.slice(0, 1), 0, {}));
    for (const spec of m.contract.outputs) {
      const want = resolve(spec.shape, 1, 0);
      const got = out[spec.name]?.dims;
      if (!got || got.join(',') !== want.join(',')) throw new Error(`${spec.name} is [${got}], contract says [${want}]`);
    }
    if (lastRow(out.logits).some((v) => !Number.isFinite(v))) throw new Error('logits are not finite');
  });

  if (m.contract.state.length > 0 && start.length > 1) {
    await check('stepping with fed-back state equals one call', async () => {
      const whole = lastRow((await session.run(feeds(m, start, 0, {}))).logits);
      let state: Feeds = {};
      let last: ArrayLike<number> = [];
      for (let i = 0; i < start.length; i++) {
        const out = await session.run(feeds(m, [start[i]], i, state));
        state = Object.fromEntries(m.contract.state.map((s) => [s.input, out[s.output]]));
        last = lastRow(out.logits);
      }
      const d = maxDiff(whole, last);
      if (d > 1e-3) throw new Error(`max |difference| ${d}`);
      return `max |difference| ${d.toExponential(1)}`;
    });
  }
  if (m.check) {
    const ref = m.check;
    await check('logits equal PyTorch reference', async () => {
      const got = lastRow((await session.run(feeds(m, ref.input_ids, 0, {}))).logits);
      const d = maxDiff(got, ref.last_logits);
      if (d > ref.tolerance) throw new Error(`max |difference| ${d} > ${ref.tolerance}`);
      return `max |difference| ${d.toExponential(1)}`;
    });
  }
}

function sameNames(got: readonly string[], specs: Spec[]): string {
  const want = specs.map((s) => s.name);
  const a = [...got].sort().join(', ');
  if (a !== [...want].sort().join(', ')) throw new Error(`session has [${got.join(', ')}], contract says [${want.join(', ')}]`);
  return `${want.length} names`;
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npx tsx scripts/check-model.ts MODEL_FOLDER');
  process.exit(2);
}
main(dir)
  .catch((e) => {
    failed++;
    console.log(`FAIL ${relative(process.cwd(), dir) || dir}: ${e instanceof Error ? e.message : String(e)}`);
  })
  .finally(() => {
    console.log(`check-model ${dir}: ${passed} checks passed, ${failed} failed`);
    process.exit(failed > 0 ? 1 : 0);
  });
