/** The `neural.score` node: how likely a model finds each note — the classroom view of surprise. */
import { defineNode, type Preview } from '../../src/engine/node';
import { keyFromScale } from '../../src/music/tokens';
import { openNeuralModel, providerText } from './openModel';
import { scoreSequences, type NoteScores } from './noteScores';

const VOICE_NAMES = ['soprano', 'alto', 'tenor', 'bass'];

/** A line per voice (one for a melody) of per-note log-likelihoods in time order. */
function perNotePlot(scores: NoteScores): Preview {
  const voices = [...new Set(scores.notes.map((n) => n.voice ?? 0))].sort((a, b) => a - b);
  const series = voices.map((v) => ({
    name: voices.length > 1 ? VOICE_NAMES[v] ?? `voice ${v}` : 'log p(note)',
    values: scores.notes.map((n, i) => ({ n, lp: scores.perNote[i] })).filter(({ n }) => (n.voice ?? 0) === v)
      .sort((a, b) => a.n.start - b.n.start).map(({ lp }) => lp),
  }));
  return { kind: 'line', title: 'Log-likelihood per note', series, xLabel: 'note', yLabel: 'log p (nats)' };
}

/** Scores notes under a neural model. */
export const scoreNode = defineNode({
  type: 'neural.score',
  title: 'Neural score',
  category: 'neural',
  doc: 'Measures how likely a neural model finds some music: each note\'s log-likelihood is the sum '
    + 'of the log-probabilities the model gives the tokens that make it, each predicted from everything '
    + 'before it (teacher forcing, one batched pass; the negative is the note\'s surprisal, the '
    + 'information-theoretic measure of musical expectation of Meyer 1956 and Pearce\'s IDyOM, 2005). '
    + 'Outputs the mean per note or the total, and plots every note\'s value in time order: dips are '
    + 'the notes that surprised the model — a wrong note, a modulation, a cadence it did not see coming. '
    + 'Compare a corpus tune with a random one, or a model\'s own output with a human\'s. With the '
    + 'melody LSTM a scale input adds its KEY token. The same likelihood can judge a genetic algorithm\'s '
    + 'melodies through ga.fitness-neural.',
  heavy: true,
  inputs: {
    model: { type: 'model:neural', doc: 'From neural.load-model.' },
    notes: { type: 'notes', doc: 'The music to score: a melody (LSTM) or voices 0–3 (transformer).' },
    scale: { type: 'scale', optional: true, doc: 'The key, as the LSTM\'s KEY token.' },
  },
  outputs: { score: { type: 'number', doc: 'Mean log-likelihood per note, or the total, in nats.' } },
  params: {
    measure: { kind: 'enum', options: ['mean', 'total'], default: 'mean', doc: 'Mean per note, or the sum over all notes.' },
  },
  run: async ({ model, notes, scale }, p, ctx) => {
    const who = `node ${ctx.nodeId} (neural.score)`;
    const handle = await openNeuralModel(model, ctx, who);
    const where = providerText(handle.model);
    const key = scale && handle.value.format === 'melody' ? keyFromScale(scale) : null;
    if (scale && handle.value.format !== 'melody') ctx.log.warn(`${who}: model "${handle.value.id}" has no KEY token; the scale input is ignored`);
    const [scores] = await scoreSequences(handle, [notes], key, { yield: () => ctx.yield(), progress: (f) => ctx.progress(f, where) });
    if (scores.notes.length === 0) throw new Error(`${who}: no notes to score`);
    const total = scores.perNote.reduce((a, b) => a + b, 0);
    const mean = total / scores.perNote.length;
    const worst = scores.perNote.indexOf(Math.min(...scores.perNote));
    const w = scores.notes[worst];
    const text = `${scores.notes.length} notes, ${scores.tokens.length} tokens: mean ${mean.toFixed(3)} nats per note, total ${total.toFixed(2)}; `
      + `per token ${(scores.total / Math.max(1, scores.tokens.length - 1)).toFixed(3)} (perplexity ${Math.exp(-scores.total / Math.max(1, scores.tokens.length - 1)).toFixed(2)}). `
      + `Most surprising: pitch ${w.pitch} at beat ${w.start} (${scores.perNote[worst].toFixed(2)}). ${where}.`;
    ctx.progress(1, where);
    return {
      outputs: { score: p.measure === 'mean' ? mean : total },
      previews: [perNotePlot(scores), { kind: 'text', title: 'Score', text }],
    };
  },
});
