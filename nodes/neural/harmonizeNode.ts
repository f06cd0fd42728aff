/** The `neural.harmonize` node: the chorale transformer writes alto, tenor and bass under a melody. */
import { defineNode } from '../../src/engine/node';
import type { Note } from '../../src/engine/values';
import { createSequence } from '../../src/music/noteSequence';
import { BOS, decodeChorale, meterToken } from '../../src/music/tokens';
import { CHORD_VOICES, sampleChorale, VOICE_RANGES } from './choraleSampler';
import { requireFormat } from './neuralModel';
import { openNeuralModel, providerText } from './openModel';
import { melodyLine, sopranoLane } from './primers';
import { SAMPLING_PARAMS } from './sampleStep';
import { createStepper } from './tokenStepper';

const VELOCITY = 0.7;
const SATB = [{ name: 'soprano' }, { name: 'alto' }, { name: 'tenor' }, { name: 'bass' }];

/** Harmonizes a melody in four parts with a chorale-format model. */
export const harmonizeNode = defineNode({
  type: 'neural.harmonize',
  title: 'Neural harmonize',
  category: 'neural',
  doc: 'Harmonizes a melody in four parts, Bach-chorale style, with a decoder-only transformer — the '
    + 'task of Hild et al.\'s HARMONET (1992), Hadjeres et al.\'s DeepBach (2017) and Huang et al.\'s '
    + 'Coconet (2017), done here the way a language model can: the chorale format interleaves the four '
    + 'voices on a 16th-note grid, so the melody\'s token (and every BAR) is forced into the soprano '
    + 'slot of each step while alto, tenor and bass are sampled, one token per step through the '
    + 'key/value cache. Each sampled voice is masked to a note, a hold or a rest, within the range it '
    + 'has in the Bach chorales and never above the voice over it, so voices stay ordered. A chord '
    + 'progression input makes the bass (or every voice) take chord tones. The model sees only the '
    + 'melody so far, never what comes next — the limit of left-to-right generation that DeepBach and '
    + 'Coconet avoid by sampling voices in any order. Output: alto, tenor and bass as voices 1–3, and the '
    + 'melody itself as voice 0 when includeSoprano is on.',
  heavy: true,
  inputs: {
    model: { type: 'model:neural', doc: 'A chorale-format model (chorale-transformer) from neural.load-model.' },
    melody: { type: 'notes', doc: 'The tune to harmonize (its lowest voice; the highest note of each onset).' },
    chords: { type: 'chords', optional: true, doc: 'A progression the bass (or every voice) follows, from the start, repeating.' },
  },
  outputs: { notes: { type: 'notes', doc: 'Voices 1–3 (alto, tenor, bass), plus the melody as voice 0 when included.' } },
  params: {
    ...SAMPLING_PARAMS,
    temperature: { ...SAMPLING_PARAMS.temperature, default: 0.8 },
    includeSoprano: { kind: 'bool', default: true, doc: 'Output the melody as voice 0 with the three voices.' },
    chordVoices: { kind: 'enum', options: CHORD_VOICES, default: 'bass', doc: 'Which voices follow the chords input.' },
  },
  run: async ({ model, melody, chords }, p, ctx) => {
    const who = `node ${ctx.nodeId} (neural.harmonize)`;
    const handle = await openNeuralModel(model, ctx, who);
    requireFormat(handle.value, 'chorale', who);
    const where = providerText(handle.model);
    const meter = melody.timeSignature;
    const line = melodyLine(melody);
    if (line.length === 0) throw new Error(`${who}: the melody has no notes`);
    const [low, high] = VOICE_RANGES[0];
    const outside = line.filter((n) => n.pitch < low || n.pitch > high).length;
    if (outside > line.length / 2) ctx.log.warn(`${who}: ${outside} of ${line.length} melody notes lie outside the soprano range ${low}–${high}; the lower voices may have little room`);
    const stepper = createStepper(handle);
    const tokens = await sampleChorale({
      stepper, prefix: [BOS, meterToken(meter)], meter, soprano: sopranoLane(line, melody.length, meter),
      ranges: VOICE_RANGES, pitchClasses: null, chords: chords ? { chords, voices: p.chordVoices } : undefined,
      sampling: { temperature: p.temperature, topK: p.topK, topP: p.topP }, rng: ctx.rng,
      hooks: { yield: () => ctx.yield(), progress: (f) => ctx.progress(f, where) },
    });
    const lower = decodeChorale(tokens, { velocity: VELOCITY }).notes.filter((n) => (n.voice ?? 0) > 0);
    const notes: Note[] = p.includeSoprano ? [...line.map((n) => ({ ...n, voice: 0 })), ...lower] : lower;
    const seq = createSequence(notes, { tempo: melody.tempo, timeSignature: meter, length: melody.length });
    const text = `${lower.length} notes in alto, tenor and bass under ${line.length} melody notes; ${stepper.calls} model calls`
      + `${stepper.slides ? `, the context window slid ${stepper.slides} times` : ''}; ${where}.`;
    ctx.progress(1, where);
    return {
      outputs: { notes: { ...seq, voices: SATB.map((v) => ({ ...v })) } },
      previews: [{ kind: 'pianoroll', title: 'Harmonization', port: 'notes' }, { kind: 'text', title: 'Harmonization', text }],
    };
  },
});
