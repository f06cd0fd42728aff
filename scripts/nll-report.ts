/**
 * The likelihood evidence for the symbolic neural models: test-split NLL per token of the token
 * Markov chains (orders 1–4) and of the shipped neural model of each corpus (Irish → melody-lstm,
 * JSB → chorale-transformer) run through src/ml in Node (WASM), checked against the figure in each
 * model's manifest; NLL by position in the piece (docs/nll-by-position.svg); MIDI samples with fixed
 * seeds (docs/samples/). Writes docs/nll.md and prints it.
 * Run: npx tsx scripts/nll-report.ts [--models DIR] [--no-samples] [--out DIR]
 */
import { statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createNodeModelService, SHIPPED_MODELS_DIR } from '../src/ml/nodeModels';
import { modelServices } from '../src/ml/service';
import { CORPORA, loadCorpus, ROOT, type LoadedCorpus } from './nll/corpus';
import { nllMarkdown, type CorpusResult } from './nll/markdown';
import { positionSvg, type PlotPanel } from './nll/positionPlot';
import { writeSamples } from './nll/samples';
import { evaluationStride, markovLogProbs, meanNllOf, neuralLogProbs, nllByPosition } from './nll/scoring';
import { TokenStepper } from './nll/stepper';

const MAX_ORDER = 4;
/** A position bucket is shown only when this many test pieces reach it. */
const MIN_PIECES = 5;
/** The summary compares the first bucket with every token from this position on. */
const LATE = 256;

const { values: args } = parseArgs({
  options: { models: { type: 'string', default: SHIPPED_MODELS_DIR }, out: { type: 'string', default: join(ROOT, 'docs') }, 'no-samples': { type: 'boolean', default: false } },
});
const modelsDir = resolve(args.models!);
const outDir = resolve(args.out!);
const service = createNodeModelService(modelsDir);
const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

/** Measures one corpus: Markov orders 1–4 and the neural model, overall and by position. */
async function measure(corpus: LoadedCorpus, model: TokenStepper): Promise<CorpusResult> {
  const { spec } = corpus;
  const tokens = (name: 'train' | 'valid' | 'test') => corpus.split(name).map((t) => t.tokens);
  const test = tokens('test');
  let t0 = performance.now();
  const markov = markovLogProbs(tokens('train'), tokens('valid'), test, MAX_ORDER);
  console.log(`${spec.id}: Markov orders 1–${MAX_ORDER} fitted and scored in ${seconds(t0)} s`);
  t0 = performance.now();
  const stride = evaluationStride(model);
  const neural: Float64Array[] = [];
  for (const seq of test) neural.push(await neuralLogProbs(model, seq, stride));
  console.log(`${spec.id}: ${spec.modelId} scored ${test.length} pieces in ${seconds(t0)} s (${model.model.provider})`);
  const { manifest } = model.model;
  const graph = manifest.files.find((f) => f.path === manifest.onnx)!;
  const training = manifest.training ?? {};
  const manifestTest = manifest.metrics?.test;
  const keep = (buckets: ReturnType<typeof nllByPosition>) => buckets.filter((b) => b.pieces >= MIN_PIECES);
  const context = model.maxPositions;
  return {
    corpus: spec.title,
    format: spec.format,
    modelId: spec.modelId,
    modelTitle: spec.modelTitle,
    pieces: test.length,
    tokens: meanNllOf(neural).tokens,
    markov: markov.map((byPiece) => meanNllOf(byPiece).nll),
    neural: meanNllOf(neural).nll,
    manifestNll: typeof manifestTest === 'number' ? manifestTest : null,
    evaluation: Number.isFinite(context)
      ? `context ${context} tokens; a longer piece is scored with a sliding window of ${context} moved by ${stride} (each token once, with ≥ ${context - stride} tokens of context), as its recipe does`
      : 'each piece in one call from the zero state (the LSTM has no context limit)',
    markovByPosition: keep(nllByPosition(markov[MAX_ORDER - 1], spec.bucket)),
    neuralByPosition: keep(nllByPosition(neural, spec.bucket)),
    model: {
      sha256: graph.sha256,
      bytes: graph.bytes,
      params: training.params,
      training: [training.epochs !== undefined && `epochs: ${training.epochs}`, training.seconds !== undefined && `${training.seconds} s`, training.device]
        .filter(Boolean).join(', '),
      smoke: training.smoke === true,
      written: statSync(join(modelsDir, spec.modelId, 'manifest.json')).mtime.toISOString().replace(/\.\d+Z$/, 'Z'),
    },
  };
}

const results: CorpusResult[] = [];
const loaded: { corpus: LoadedCorpus; model: TokenStepper }[] = [];
for (const spec of CORPORA) {
  const corpus = loadCorpus(spec);
  const model = await TokenStepper.load(service, spec.modelId, spec.modelKind);
  loaded.push({ corpus, model });
  results.push(await measure(corpus, model));
}

const panels: PlotPanel[] = results.map((r, i) => ({
  title: `${r.corpus}: Markov 4 vs ${r.modelTitle}`,
  series: [
    { label: 'Markov 4 (Kneser–Ney)', color: '#d95f02', dashed: true, buckets: r.markovByPosition },
    { label: `${r.modelTitle} (${r.modelId})`, color: '#1b63b5', buckets: r.neuralByPosition },
  ],
  marker: Number.isFinite(loaded[i].model.maxPositions)
    ? { at: loaded[i].model.maxPositions, label: `context ${loaded[i].model.maxPositions}: sliding window beyond` } : undefined,
}));
const plotFile = 'nll-by-position.svg';
writeFileSync(join(outDir, plotFile), positionSvg('Test NLL per token by position in the piece', panels,
  `Mean over test pieces per bucket (${CORPORA.map((c) => `${c.id}: ${c.bucket} tokens`).join(', ')}); buckets reached by ≥ ${MIN_PIECES} pieces.`));

let samples = null;
if (!args['no-samples']) {
  console.log('samples:');
  samples = await writeSamples(join(outDir, 'samples'), modelServices(service), loaded[0].corpus, loaded[1].corpus);
}
const markdown = nllMarkdown(results, samples, { date: new Date().toISOString().slice(0, 10), plot: plotFile, minPieces: MIN_PIECES, late: LATE });
writeFileSync(join(outDir, 'nll.md'), markdown);
await service.dispose();
console.log(`\nwrote ${relative(process.cwd(), join(outDir, 'nll.md'))}, ${plotFile}${samples ? `, ${samples.length} samples` : ''}\n`);
console.log(markdown);
