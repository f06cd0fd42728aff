/** Pictures of a trained Markov model: its first-order transition matrix, state counts and a summary. */
import type { Preview } from '../../../src/engine/node';
import { childOf, countOf } from './contextTrie';
import type { MarkovModel } from './markovModel';
import { stateLabel } from './stateEncoding';

/** Unigram count of every state (how often it occurs as a next state). */
export function stateCounts(model: MarkovModel): number[] {
  return model.vocab.map((_, s) => countOf(model.trie, 0, s));
}

/**
 * P(next | previous) over the `topN` most frequent states, in state order, as a heatmap
 * (rows: previous state, columns: next state).
 */
export function transitionHeatmap(model: MarkovModel, topN = 16): Preview {
  const counts = stateCounts(model);
  const top = counts.map((c, s) => [c, s] as const).sort((a, b) => b[0] - a[0]).slice(0, topN)
    .map(([, s]) => s).sort((a, b) => a - b);
  const data: number[] = [];
  for (const from of top) {
    const node = childOf(model.trie, 0, from);
    const total = node < 0 ? 0 : model.trie.total[node];
    for (const to of top) data.push(total > 0 ? countOf(model.trie, node, to) / total : 0);
  }
  const labels = top.map((s) => stateLabel(model.state, model.vocab[s]));
  return {
    kind: 'heatmap',
    title: `P(next ${model.state} | previous), top ${top.length} states`,
    rows: top.length, cols: top.length, data, rowLabels: labels, colLabels: labels,
  };
}

/** State counts in state order as a line plot. */
export function stateCountsPlot(model: MarkovModel): Preview {
  return {
    kind: 'line',
    title: `How often each ${model.state} state occurs`,
    series: [{ name: 'count', values: stateCounts(model) }],
    xLabel: `${model.state} state (low to high)`,
    yLabel: 'count',
  };
}

/** A text summary: sizes, contexts per order and the most frequent states. */
export function modelSummary(model: MarkovModel): Preview {
  const perOrder = new Array<number>(model.order + 1).fill(0);
  for (let n = 0; n < model.trie.nodeCount; n++) perOrder[model.trie.depth[n]]++;
  const counts = stateCounts(model);
  const top = counts.map((c, s) => [c, s] as const).sort((a, b) => b[0] - a[0]).slice(0, 12)
    .map(([c, s]) => `${stateLabel(model.state, model.vocab[s])} ×${c}`).join(', ');
  const contexts = perOrder.slice(1).map((c, i) => `order ${i + 1}: ${c}`).join(', ');
  return {
    kind: 'text',
    title: 'Markov model',
    text: `${model.vocab.length} ${model.state} states, ${model.events} events from ${model.lines} lines.\n`
      + `Distinct contexts: ${contexts}.\nMost frequent: ${top}.`,
  };
}
