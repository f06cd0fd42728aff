/** The `neural.continue` node: a neural model continues a primer, one token at a time. */
import { defineNode, type NodeContext } from '../../src/engine/node';
import type { Chords, Note, NoteSequence, Scale } from '../../src/engine/values';
import { createSequence } from '../../src/music/noteSequence';
import { decodeChorale, decodeMelody, keyFromScale } from '../../src/music/tokens';
import { CHORD_VOICES, sampleChorale, VOICE_RANGES } from './choraleSampler';
import { sampleMelody, type LengthSpec } from './melodySampler';
import { openNeuralModel, providerText, type NeuralHandle } from './openModel';
import { choralePrefix, COMMON_TIME, melodyPrefix, prefixEndBeat } from './primers';
import { SAMPLING_PARAMS, type StepHooks } from './sampleStep';
import { createStepper } from './tokenStepper';

const VELOCITY = 0.8;
const SATB = [{ name: 'soprano' }, { name: 'alto' }, { name: 'tenor' }, { name: 'bass' }];

interface ContinueParams {
  length: LengthSpec;
  low: number;
  high: number;
  inScale: boolean;
  chordVoices: (typeof CHORD_VOICES)[number];
  sampling: { temperature: number; topK: number; topP: number };
}

/** Samples the continuation; returns every token and the decoded notes (primer included). */
async function sample(handle: NeuralHandle, inputs: { primer?: NoteSequence; scale?: Scale; chords?: Chords }, p: ContinueParams, ctx: NodeContext, hooks: StepHooks) {
  const who = `node ${ctx.nodeId} (neural.continue)`;
  const meter = inputs.primer?.timeSignature ?? COMMON_TIME;
  const pitchClasses = inputs.scale && p.inScale ? new Set(inputs.scale.pitchClasses) : null;
  const stepper = createStepper(handle);
  const common = { stepper, meter, length: p.length, pitchClasses, sampling: p.sampling, rng: ctx.rng, hooks };
  if (handle.value.format === 'melody') {
    const key = inputs.scale ? keyFromScale(inputs.scale) : null;
    if (inputs.scale && !key) ctx.log.warn(`${who}: scale "${inputs.scale.tonic} ${inputs.scale.name}" is neither major- nor minor-like; no KEY token`);
    if (inputs.chords) ctx.log.warn(`${who}: model "${handle.value.id}" reads melody tokens, which carry no chords; the chords input is ignored`);
    const prefix = melodyPrefix(inputs.primer, key, meter);
    const tokens = await sampleMelody({ ...common, prefix, low: p.low, high: p.high });
    return { prefix, tokens, stepper, decoded: decodeMelody(tokens, { velocity: VELOCITY }).notes };
  }
  if (inputs.scale && !p.inScale) ctx.log.warn(`${who}: model "${handle.value.id}" has no KEY token; turn on inScale to keep its notes in the scale`);
  const prefix = choralePrefix(inputs.primer, meter);
  const ranges = VOICE_RANGES.map(([lo, hi]) => [Math.max(lo, p.low), Math.min(hi, p.high)] as const);
  const chords = inputs.chords ? { chords: inputs.chords, voices: p.chordVoices } : undefined;
  const tokens = await sampleChorale({ ...common, prefix, ranges, chords });
  return { prefix, tokens, stepper, decoded: decodeChorale(tokens, { velocity: VELOCITY }).notes };
}

/** Continues a primer with a neural model. */
export const continueNode = defineNode({
  type: 'neural.continue',
  title: 'Neural continue',
  category: 'neural',
  doc: 'Lets a neural language model write what comes next, one token at a time, the autoregressive '
    + 'generation of RNN composers (Eck and Schmidhuber 2002; Sturm et al.\'s folk-rnn 2016) and of '
    + 'transformers (Huang et al.\'s Music Transformer 2018). The primer is tokenized (a melody for '
    + 'the LSTM, four voices for the chorale transformer), fed once, and every new token costs one '
    + 'step that reuses the model\'s recurrent state or key/value cache. Only tokens the grammar of the '
    + 'format allows are sampled, so the output always decodes; temperature, top-k and top-p shape the '
    + 'draw and the seed makes it repeatable. Conditioning: a scale becomes the KEY token the LSTM was '
    + 'trained with (the transformer has none; inScale masks notes to the scale for either model); a '
    + 'chord progression (from where the continuation starts, repeating) constrains the transformer\'s '
    + 'bass, or all its voices, to chord tones: new notes must be chord tones and a held note that is not '
    + 'in the next chord moves when it starts. The LSTM cannot read chords and ignores them with a '
    + 'warning. Transformer voices stay in the ranges Bach gives them and never cross.',
  heavy: true,
  inputs: {
    model: { type: 'model:neural', doc: 'From neural.load-model.' },
    primer: { type: 'notes', optional: true, doc: 'Notes to continue: a melody (LSTM) or voices 0–3 (transformer). Without it the model starts from nothing.' },
    scale: { type: 'scale', optional: true, doc: 'Key for the LSTM\'s KEY token; with inScale, a mask for either model.' },
    chords: { type: 'chords', optional: true, doc: 'A progression the transformer\'s voices follow (from the continuation\'s start).' },
  },
  outputs: { notes: { type: 'notes', doc: 'The continuation (after the primer when it is included), with the primer\'s tempo and meter.' } },
  params: {
    length: { kind: 'int', default: 32, min: 1, max: 1024, doc: 'How much to write, in the unit below.' },
    unit: { kind: 'enum', options: ['notes', 'bars'], default: 'notes', doc: 'Notes (melody notes; soprano notes for the transformer) or bars.' },
    ...SAMPLING_PARAMS,
    includePrimer: { kind: 'bool', default: true, doc: 'Start the output with the primer.' },
    inScale: { kind: 'bool', default: false, doc: 'Keep every new note in the scale input.' },
    chordVoices: { kind: 'enum', options: CHORD_VOICES, default: 'bass', doc: 'Which transformer voices follow the chords.' },
    low: { kind: 'int', default: 36, min: 0, max: 127, doc: 'Lowest pitch a new note may have.' },
    high: { kind: 'int', default: 96, min: 0, max: 127, doc: 'Highest pitch a new note may have.' },
  },
  run: async (inputs, p, ctx) => {
    const who = `node ${ctx.nodeId} (neural.continue)`;
    if (p.low > p.high) throw new Error(`${who}: low pitch ${p.low} is above high pitch ${p.high}`);
    const handle = await openNeuralModel(inputs.model, ctx, who);
    const where = providerText(handle.model);
    const hooks: StepHooks = { yield: () => ctx.yield(), progress: (f) => ctx.progress(f, where) };
    const params: ContinueParams = {
      length: { unit: p.unit, count: p.length }, low: p.low, high: p.high, inScale: p.inScale, chordVoices: p.chordVoices,
      sampling: { temperature: p.temperature, topK: p.topK, topP: p.topP },
    };
    const { prefix, tokens, stepper, decoded } = await sample(handle, inputs, params, ctx, hooks);
    const meter = inputs.primer?.timeSignature ?? COMMON_TIME;
    const end = prefixEndBeat(prefix, handle.value.format, meter);
    const fresh: Note[] = decoded.filter((n) => n.start >= end - 1e-9);
    const notes = p.includePrimer && inputs.primer
      ? [...inputs.primer.notes.map((n) => ({ ...n })), ...fresh]
      : fresh.map((n) => ({ ...n, start: n.start - end }));
    const seq = createSequence(notes, { tempo: inputs.primer?.tempo ?? 120, timeSignature: meter });
    const out: NoteSequence = handle.value.format === 'chorale' ? { ...seq, voices: inputs.primer?.voices ?? SATB } : seq;
    const text = `${fresh.length} new notes from ${tokens.length - prefix.length} sampled tokens after a ${prefix.length}-token prefix; `
      + `${stepper.calls} model calls${stepper.slides ? `, the context window slid ${stepper.slides} times` : ''}; ${where}.`;
    ctx.progress(1, where);
    return { outputs: { notes: out }, previews: [{ kind: 'pianoroll', title: 'Continuation', port: 'notes' }, { kind: 'text', title: 'Sampling', text }] };
  },
});
