/**
 * Sampling a melody continuation token by token (the melody format of docs/tokens.md). A
 * MelodyGrammar follows the tokens and only the tokens it allows are sampled, so the output always
 * decodes: a DUR after every NOTE/REST/HOLD, BAR on every bar line. Further masks keep pitches in
 * range (and in a scale when asked), keep <eos> out until the asked length is reached, and in bars
 * mode keep the last duration from crossing the end.
 */
import type { Rng } from '../../src/engine/rng';
import type { TimeSignature } from '../../src/engine/values';
import type { SamplingOptions } from '../../src/ml/sampling';
import { DUR0, EOS, HOLD, isDur, isEvent, isNote, MelodyGrammar, barTwelfths, notePitch } from '../../src/music/tokens';
import { pickToken, type StepHooks } from './sampleStep';
import type { TokenStepper } from './tokenStepper';

/** How long a continuation is: a number of notes or of bars. */
export interface LengthSpec {
  unit: 'notes' | 'bars';
  count: number;
}

/** Everything one melody continuation needs. */
export interface MelodyRun {
  stepper: TokenStepper;
  /** The tokens to continue (at least `<bos> METER`), not yet fed. */
  prefix: number[];
  meter: TimeSignature;
  length: LengthSpec;
  /** Allowed pitch range, inclusive. */
  low: number;
  high: number;
  /** Pitch classes notes must belong to (null: any). */
  pitchClasses: ReadonlySet<number> | null;
  sampling: SamplingOptions;
  rng: Rng;
  hooks: StepHooks;
}

/**
 * Continues the prefix until `length` notes or bars are written; returns prefix + new tokens.
 * @example
 * const tokens = await sampleMelody({ stepper, prefix, meter, length: { unit: 'bars', count: 4 }, low: 48, high: 96, pitchClasses: null, sampling: {}, rng, hooks });
 */
export async function sampleMelody(run: MelodyRun): Promise<number[]> {
  const grammar = MelodyGrammar.from(run.prefix, run.meter);
  const tokens = [...run.prefix];
  const bar = barTwelfths(grammar.meter) || 48;
  const start = grammar.time;
  const target = run.length.unit === 'bars' ? start + run.length.count * bar : Infinity;
  const maxTokens = run.length.unit === 'bars' ? 3 * (target - start) + 8 : 12 * run.length.count + 64;
  let notes = 0;
  let events = 0;
  let event = 0;
  let logits = await run.stepper.feed(tokens);
  const allowed = (t: number): boolean => {
    if (t === EOS || !grammar.accepts(t)) return false;
    if (isNote(t)) return notePitch(t) >= run.low && notePitch(t) <= run.high && (!run.pitchClasses || run.pitchClasses.has(notePitch(t) % 12));
    if (t === HOLD) return events > 0; // the first new event never lengthens a primer note
    if (isDur(t)) return grammar.time + (t - DUR0) <= target;
    return true;
  };
  for (let made = 0; made < maxTokens; made++) {
    const token = pickToken(logits, allowed, run.sampling, run.rng, `melody token ${tokens.length}`);
    grammar.push(token);
    tokens.push(token);
    if (isEvent(token)) event = token;
    if (isDur(token)) {
      events++;
      if (isNote(event)) notes++;
      const done = run.length.unit === 'notes' ? notes >= run.length.count : grammar.time >= target;
      run.hooks.progress(run.length.unit === 'notes' ? notes / run.length.count : (grammar.time - start) / (target - start));
      if (done) break;
    }
    await run.hooks.yield();
    logits = await run.stepper.feed([token]);
  }
  return tokens;
}
