/**
 * docs/nll.md from the report's measurements: the main table (Markov orders 1–4 against the neural
 * model on each corpus, with the manifest's own figure), the per-position table behind the figure,
 * the models measured (so a reader can tell which files the figures belong to) and the samples.
 */
import type { PositionBucket } from './scoring';
import { SAMPLING, type Sample } from './samples';

/** What the report measured on one corpus. */
export interface CorpusResult {
  corpus: string;
  format: string;
  modelId: string;
  modelTitle: string;
  pieces: number;
  tokens: number;
  /** Test NLL per token of Markov orders 1, 2, … */
  markov: number[];
  neural: number;
  /** The test NLL the recipe wrote into the manifest (PyTorch), when it did. */
  manifestNll: number | null;
  evaluation: string;
  markovByPosition: PositionBucket[];
  neuralByPosition: PositionBucket[];
  model: { sha256: string; bytes: number; params: unknown; training: string; smoke: boolean; written: string };
}

const f3 = (x: number) => x.toFixed(3);
const thousands = (n: number) => n.toLocaleString('en-US');

/** The main table (markdown) with a line on how to read it. */
export function mainTable(results: readonly CorpusResult[]): string {
  const orders = results[0].markov.length;
  const head = ['test split', 'pieces', 'scored tokens', ...Array.from({ length: orders }, (_, i) => `Markov ${i + 1}`),
    'neural (src/ml, WASM)', 'neural (manifest, PyTorch)'];
  const rows = results.map((r) => {
    const best = Math.min(...r.markov);
    const gain = Math.round((1 - r.neural / best) * 100);
    return [`${r.corpus} (${r.format}) → ${r.modelId}`, String(r.pieces), thousands(r.tokens), ...r.markov.map(f3),
      `**${f3(r.neural)}** (${Math.abs(gain)} % ${gain >= 0 ? 'below' : 'above'} the best Markov)`, r.manifestNll === null ? '—' : f3(r.manifestNll)];
  });
  return [`| ${head.join(' | ')} |`, `| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function positionTable(r: CorpusResult): string {
  const neural = new Map(r.neuralByPosition.map((b) => [b.from, b]));
  const lines = r.markovByPosition.map((m) => {
    const n = neural.get(m.from);
    return `| ${m.from}–${m.to} | ${m.pieces} | ${thousands(m.tokens)} | ${f3(m.nll)} | ${n ? f3(n.nll) : '—'} | ${n ? f3(m.nll - n.nll) : '—'} |`;
  });
  return [`| tokens | pieces | targets | Markov 4 | ${r.modelTitle} | gap |`, '| --- | ---: | ---: | ---: | ---: | ---: |', ...lines].join('\n');
}

/** How closely the src/ml figures match the manifests' (PyTorch) figures, in words. */
function agreement(results: readonly CorpusResult[]): string {
  const diffs = results.filter((r) => r.manifestNll !== null).map((r) => Math.abs(r.neural - r.manifestNll!));
  if (diffs.length === 0) return 'no manifest carries a test figure';
  const worst = Math.max(...diffs);
  return worst < 5e-4 ? `largest difference ${worst.toFixed(5)} nats: the same numbers up to the manifest's 4-decimal rounding`
    : `largest difference ${worst.toFixed(4)} nats: they DIFFER — the files measured are not the ones the recipe evaluated`;
}

/** Token-weighted mean NLL of the buckets that start at or after `from` (NaN when none). */
function meanFrom(buckets: readonly PositionBucket[], from: number, to = Infinity): number {
  const chosen = buckets.filter((b) => b.from >= from && b.from < to);
  const tokens = chosen.reduce((n, b) => n + b.tokens, 0);
  return chosen.reduce((sum, b) => sum + b.nll * b.tokens, 0) / tokens;
}

/** Early vs late NLL of both models on one corpus, in words (the evidence the plot shows). */
function contextSummary(r: CorpusResult, late: number): string {
  const first = r.neuralByPosition[0];
  const [nEarly, nLate] = [first.nll, meanFrom(r.neuralByPosition, late)];
  const [mEarly, mLate] = [r.markovByPosition[0].nll, meanFrom(r.markovByPosition, late)];
  return `${r.modelId}: ${f3(nEarly)} nats/token on tokens ${first.from}–${first.to}, ${f3(nLate)} from token ${late} on `
    + `(${nLate < nEarly ? '−' : '+'}${Math.abs(Math.round((1 - nLate / nEarly) * 100))} %); Markov 4 on the same tokens: ${f3(mEarly)} → ${f3(mLate)}; `
    + `the gap between them goes from ${f3(mEarly - nEarly)} to ${f3(mLate - nLate)} nats.`;
}

/** The whole docs/nll.md. */
export function nllMarkdown(results: readonly CorpusResult[], samples: readonly Sample[] | null, meta: { date: string; plot: string; minPieces: number; late: number }): string {
  const parts = [
    '# Test-set likelihood: token Markov chains vs the neural models',
    '',
    `Written by \`npx tsx scripts/nll-report.ts\` (${meta.date}); do not edit by hand.`,
    '',
    'Negative log-likelihood per token in nats on the held-out test split (<bos> given, not scored; every later token scored, '
    + '<eos> included), on the genpatch-events-v1 tokens ([tokens.md](tokens.md)): Irish tunes in the melody format, JSB chorales '
    + 'in the chorale format. Markov n: the token n-gram model with interpolated modified Kneser–Ney smoothing (`src/music/tokenNgram.ts`, '
    + 'counts from the train split, discounts tuned on held-out data as in `bench/nll-markov.ts`). Neural: the shipped ONNX model '
    + 'run through `src/ml` on onnxruntime-web WASM in Node; the last column is the figure its training recipe computed in PyTorch '
    + `and wrote into its manifest (${agreement(results)}).`,
    '',
    mainTable(results),
    '',
    ...results.map((r) => `- ${r.modelId}: ${r.evaluation}.`),
    '',
    '## Does the model use long context?',
    '',
    `![NLL per token by position in the piece](${meta.plot})`,
    '',
    `Mean NLL of the tokens at each position of the piece, in buckets (only buckets that ${meta.minPieces} or more test pieces reach). `
    + 'A Markov-4 chain sees three tokens back, so its curve only follows what the music does at each point of a piece; a model '
    + 'that uses what it has heard grows more certain as the piece goes on (repeats, the key, the tune\'s own motifs), and the gap to '
    + 'the Markov curve widens.',
    '',
    ...results.map((r) => `- ${contextSummary(r, meta.late)}`),
    '',
    ...results.flatMap((r) => ['<details>', `<summary>${r.corpus} → ${r.modelId}, by position</summary>`, '', positionTable(r), '', '</details>', '']),
    '## Models measured',
    '',
    '| model | graph sha256 | bytes | parameters | training | manifest written |',
    '| --- | --- | ---: | ---: | --- | --- |',
    ...results.map((r) => `| ${r.modelId}${r.model.smoke ? ' (**smoke run**)' : ''} | \`${r.model.sha256.slice(0, 16)}…\` | ${thousands(r.model.bytes)} | ${r.model.params ?? '—'} | ${r.model.training} | ${r.model.written} |`),
    '',
  ];
  if (samples) {
    parts.push('## Samples', '',
      'MIDI files in [samples/](samples/), made by the neural nodes (`neural.load-model` → `neural.continue` / `neural.harmonize`, '
      + `run in Node on WASM) with temperature ${SAMPLING.temperature}, top-p ${SAMPLING.topP} and the seeds listed; `
      + '`npx tsx scripts/nll-report.ts` writes the same files again.', '',
      '| file | what | seed | notes | the node\'s report |', '| --- | --- | ---: | ---: | --- |',
      ...samples.map((s) => `| [${s.file}](samples/${s.file}) | ${s.description} | ${s.seed} | ${s.notes} | ${s.log} |`), '');
  }
  return parts.join('\n');
}
