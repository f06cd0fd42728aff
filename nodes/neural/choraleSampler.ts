/**
 * Sampling four-voice chorale steps token by token (the chorale format of docs/tokens.md), for
 * neural.continue (every voice sampled) and neural.harmonize (the soprano forced from a melody).
 * A ChoraleGrammar places the BAR tokens (forced, never sampled) and says which voice comes next;
 * each voice is masked to NOTE/HOLD/REST within its range, below the voice above it (no crossing;
 * a held note that the voice above has moved under must move too), and, with a chord progression,
 * to chord tones in the conditioned voices: new notes must be chord tones, and a held note that is
 * not in the next chord must move when that chord starts.
 */
import type { Rng } from '../../src/engine/rng';
import type { Chords, TimeSignature } from '../../src/engine/values';
import type { SamplingOptions } from '../../src/ml/sampling';
import {
  BAR, barSteps, CHORALE_VOICES, ChoraleGrammar, HOLD, isNote, notePitch, REST, STEPS_PER_BEAT,
} from '../../src/music/tokens';
import { chordIndexAt } from './primers';
import { pickToken, type StepHooks } from './sampleStep';
import type { TokenStepper } from './tokenStepper';
import type { LengthSpec } from './melodySampler';

/** Which voices a chord progression conditions. */
export const CHORD_VOICES = ['bass', 'all'] as const;

/** Lowest and highest MIDI pitch of soprano, alto, tenor and bass in the JSB chorales (training/data/jsb). */
export const VOICE_RANGES: readonly (readonly [number, number])[] = [[60, 81], [52, 74], [46, 69], [36, 66]];

/** Everything one chorale sampling run needs. */
export interface ChoraleRun {
  stepper: TokenStepper;
  /** Tokens to continue (at least `<bos> METER`, ending at a step boundary), not yet fed. */
  prefix: number[];
  meter: TimeSignature;
  /** Continue: notes (soprano onsets) or bars to write; harmonize: left out (the soprano's length rules). */
  length?: LengthSpec;
  /** Forced soprano tokens (NOTE/HOLD/REST), one per step from the first new step (harmonize). */
  soprano?: readonly number[];
  /** Per voice, the inclusive pitch range new notes must fall in. */
  ranges: readonly (readonly [number, number])[];
  /** Pitch classes every new note must belong to (null: any). */
  pitchClasses: ReadonlySet<number> | null;
  /** A progression starting at the first new step and repeating, and the voices it conditions. */
  chords?: { chords: Chords; voices: (typeof CHORD_VOICES)[number] };
  sampling: SamplingOptions;
  rng: Rng;
  hooks: StepHooks;
}

/** The pitch each voice sounds at the end of some tokens (null: silent), read like the decoder. */
function soundingAfter(tokens: readonly number[]): (number | null)[] {
  const sounding: (number | null)[] = new Array(CHORALE_VOICES).fill(null);
  let count = 0;
  for (const t of tokens) {
    if (!(isNote(t) || t === REST || t === HOLD)) continue;
    const v = count++ % CHORALE_VOICES;
    if (isNote(t)) sounding[v] = notePitch(t);
    else if (t === REST) sounding[v] = null;
  }
  return sounding;
}

/**
 * Writes chorale steps after the prefix; returns prefix + new tokens (no <eos>).
 * @example
 * const tokens = await sampleChorale({ stepper, prefix: [BOS, meterToken(meter)], meter, soprano, ranges: VOICE_RANGES, pitchClasses: null, sampling: { temperature: 0.8 }, rng, hooks });
 */
export async function sampleChorale(run: ChoraleRun): Promise<number[]> {
  const grammar = ChoraleGrammar.from(run.prefix, run.meter);
  const tokens = [...run.prefix];
  const first = grammar.step;
  const sounding = soundingAfter(tokens);
  const perBar = barSteps(grammar.meter) || 16;
  const steps = run.soprano ? run.soprano.length
    : run.length!.unit === 'bars' ? run.length!.count * perBar : 16 * run.length!.count + 64;
  let sopranoNotes = 0;
  let logits = await run.stepper.feed(tokens);
  let pending: number[] = [];
  const chord = (step: number): { pcs: Set<number>; starts: boolean } | null => {
    if (!run.chords) return null;
    const progression = run.chords.chords;
    const beat = (step - first) / STEPS_PER_BEAT;
    const k = chordIndexAt(progression, beat);
    if (k < 0) return null;
    const within = progression.length > 0 ? beat % progression.length : beat;
    const starts = step === first || Math.abs(within - progression.chords[k].start) < 1e-9
      || chordIndexAt(progression, beat - 1 / STEPS_PER_BEAT) !== k;
    return { pcs: new Set(progression.chords[k].pitchClasses), starts };
  };
  const allowedFor = (v: number, step: number) => {
    let upper: number | null = null;
    for (let u = v - 1; u >= 0 && upper === null; u--) upper = sounding[u];
    const [lo, hi] = run.ranges[v];
    const c = run.chords && (run.chords.voices === 'all' || v === CHORALE_VOICES - 1) ? chord(step) : null;
    const held = sounding[v];
    return (t: number): boolean => {
      if (t === REST) return true;
      if (t === HOLD) {
        return held !== null && step > first && (upper === null || held <= upper) && !(c?.starts && !c.pcs.has(held % 12));
      }
      if (!isNote(t)) return false;
      const p = notePitch(t);
      return p >= lo && p <= hi && (upper === null || p <= upper)
        && (!run.pitchClasses || run.pitchClasses.has(p % 12)) && (!c || c.pcs.has(p % 12));
    };
  };
  for (;;) {
    const step = grammar.step;
    if (grammar.voice === 0 && grammar.expect !== 'bar') {
      const done = step - first >= steps || (run.length?.unit === 'notes' && sopranoNotes >= run.length.count);
      run.hooks.progress(run.length?.unit === 'notes' ? sopranoNotes / run.length.count : (step - first) / steps);
      if (done) break;
      await run.hooks.yield();
    }
    const voice = grammar.voice;
    const isSlot = grammar.expect !== 'bar';
    let token: number;
    if (!isSlot) token = BAR;
    else if (voice === 0 && run.soprano) token = run.soprano[step - first];
    else {
      if (pending.length) { logits = await run.stepper.feed(pending); pending = []; }
      token = pickToken(logits, allowedFor(voice, step), run.sampling, run.rng, `chorale step ${step}, voice ${voice}`);
    }
    grammar.push(token);
    tokens.push(token);
    pending.push(token);
    if (isSlot && isNote(token)) {
      sounding[voice] = notePitch(token);
      if (voice === 0) sopranoNotes++;
    } else if (isSlot && token === REST) sounding[voice] = null;
  }
  return tokens;
}
