/**
 * The Markov baseline for the neural symbolic models: test-split NLL per token (nats; <bos> not
 * scored, <eos> scored) of the token n-gram model (interpolated modified Kneser–Ney, discounts tuned
 * on held-out data) on the genpatch-events-v1 tokens — Irish tunes in the melody format with key and
 * meter, JSB chorales in the chorale format. Counts always come from the train split only; the Irish
 * discounts are tuned on every tenth training tune held out, the JSB ones on the valid split.
 * Run: npm run bench -- nll-markov [maxOrder=4] (orders up to 8; order 8 takes about two minutes)
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, strFromU8 } from 'fflate';
import { fitTokenNgram, meanNll, TokenNgram } from '../src/music/tokenNgram';
import { tokenizeCorpus, type ExportedCorpus } from '../src/music/tokensCorpus';
import type { TokenFormat } from '../src/music/tokensVocab';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const maxOrder = Number(process.argv[2] ?? 4);
if (!(Number.isInteger(maxOrder) && maxOrder >= 1 && maxOrder <= 8)) throw new Error(`nll-markov: maxOrder must be 1–8, got ${process.argv[2]}`);

const load = (id: string): ExportedCorpus =>
  JSON.parse(strFromU8(gunzipSync(readFileSync(join(root, `training/data/${id}.notes.json.gz`)))));

const pad = (s: string | number, n: number) => String(s).padStart(n);

for (const [id, format] of [['irish', 'melody'], ['jsb', 'chorale']] as [string, TokenFormat][]) {
  const tunes = tokenizeCorpus(load(id), format);
  const split = (name: string) => tunes.filter((t) => t.split === name).map((t) => t.tokens);
  const [train, valid, test] = [split('train'), split('valid'), split('test')];
  const count = (seqs: number[][]) => seqs.reduce((n, s) => n + s.length - 1, 0);
  console.log(`\n${id} (${format} format): train ${train.length} pieces / ${count(train)} scored tokens, `
    + `valid ${valid.length} / ${count(valid)}, test ${test.length} / ${count(test)}`);
  console.log('order | test NLL/token | perplexity | bits/token | untuned test NLL | held-out NLL before → after tuning | discounts [D1 D2 D3+] of the top order | fit s');
  for (let order = 1; order <= maxOrder; order++) {
    const t0 = performance.now();
    const { model, tuning } = fitTokenNgram(train, { order, heldOut: valid.length > 0 ? valid : undefined });
    const seconds = (performance.now() - t0) / 1000;
    const { nll } = meanNll(model, test);
    const untuned = meanNll(TokenNgram.train(train, { order }), test).nll;
    const top = tuning.discounts[order - 1].map((d) => d.toFixed(3)).join(' ');
    console.log(`${pad(order, 5)} | ${pad(nll.toFixed(4), 14)} | ${pad(Math.exp(nll).toFixed(3), 10)} | ${pad((nll / Math.LN2).toFixed(4), 10)} | `
      + `${pad(untuned.toFixed(4), 16)} | ${pad(`${tuning.startNll.toFixed(4)} → ${tuning.nll.toFixed(4)}`, 34)} | ${pad(top, 38)} | ${pad(seconds.toFixed(1), 5)}`);
  }
}
