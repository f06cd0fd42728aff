/** The `rhythm.lsystem` node: an L-system rewritten and read as a melody. */
import { defineNode } from '../../src/engine/node';
import { createSequence } from '../../src/music/noteSequence';
import { derive, parseRules } from './lsystem';
import { interpretTurtle, parseMapping } from './lsystemTurtle';
import { DEFAULT_MELODY_SCALE, nearestRung, scaleLadder } from './scaleLadder';

/** Longest string an L-system may grow to before it is cut. */
const MAX_SYMBOLS = 20000;

/** Rewrites an axiom with L-system rules and turns the result into notes. */
export const lsystemNode = defineNode({
  type: 'rhythm.lsystem',
  title: 'L-system melody',
  category: 'rhythm',
  doc: 'Grows a melody the way Lindenmayer systems (1968) grow plants: start from an axiom and replace '
    + 'every symbol by its rule at once, again and again, so the result repeats itself at every scale. '
    + 'Prusinkiewicz ("Score generation with L-systems", ICMC 1986) read the strings with a turtle '
    + 'whose height is the pitch and whose steps are time; here each symbol is mapped to an action: '
    + 'note (play the current pitch), up/down (move one scale step and play), raise/lower (move '
    + 'silently, like the turtle\'s + and − turns), hold (lengthen the last note), rest, and '
    + 'push/pop (save and return to a pitch, for bracketed branches). Unmapped symbols only drive '
    + 'the rewriting. The default A=A+B; B=A-B folds like the dragon curve; A=AB; B=A gives the '
    + 'Fibonacci word. Raise the iterations to hear the same shape at a larger scale.',
  inputs: {
    scale: { type: 'scale', optional: true, doc: 'The scale the turtle moves along (default C major).' },
  },
  outputs: {
    notes: { type: 'notes' },
  },
  params: {
    axiom: { kind: 'text', default: 'A', doc: 'The starting string.' },
    rules: { kind: 'text', default: 'A=A+B; B=A-B', doc: 'Rewriting rules, e.g. "A=AB; B=A".' },
    iterations: { kind: 'int', default: 5, min: 0, max: 16, doc: 'Rewriting rounds.' },
    mapping: { kind: 'text', default: 'A=note B=note F=note +=raise -=lower _=hold .=rest [=push ]=pop', doc: 'symbol=action pairs (note, up, down, raise, lower, hold, rest, push, pop).' },
    interval: { kind: 'int', default: 1, min: 1, max: 7, doc: 'Scale steps per move.' },
    start: { kind: 'int', default: 67, min: 0, max: 127, doc: 'Starting pitch (MIDI, snapped to the scale).' },
    low: { kind: 'int', default: 55, min: 0, max: 127, doc: 'Lowest pitch (the turtle bounces back).' },
    high: { kind: 'int', default: 84, min: 0, max: 127, doc: 'Highest pitch.' },
    stepDuration: { kind: 'float', default: 0.25, min: 0.0625, max: 8, step: 0.0625, unit: 'beats', doc: 'Length of one step.' },
    velocity: { kind: 'float', default: 0.75, min: 0.05, max: 1, step: 0.05, doc: 'Loudness.' },
  },
  run: ({ scale }, p, ctx) => {
    const node = 'rhythm.lsystem';
    if (p.axiom.trim() === '') throw new Error(`${node}: the axiom is empty`);
    const derivation = derive(p.axiom.trim(), parseRules(p.rules, node), p.iterations, MAX_SYMBOLS);
    if (derivation.truncated) ctx.log.warn(`${node}: the string passed ${MAX_SYMBOLS} symbols and was cut; lower the iterations`);
    const useScale = scale ?? DEFAULT_MELODY_SCALE;
    const ladder = scaleLadder(useScale, p.low, p.high, node);
    const { notes, steps } = interpretTurtle(derivation.text, {
      mapping: parseMapping(p.mapping, node), ladder, start: nearestRung(ladder, p.start, useScale),
      interval: p.interval, stepDuration: p.stepDuration, velocity: p.velocity,
    });
    const shown = derivation.text.length > 400 ? `${derivation.text.slice(0, 400)}… (${derivation.text.length} symbols)` : derivation.text;
    return {
      outputs: { notes: createSequence(notes, { length: Math.max(steps, 1) * p.stepDuration }) },
      previews: [
        { kind: 'text', title: `After ${p.iterations} iterations`, text: shown },
        { kind: 'pianoroll', title: 'L-system melody', port: 'notes' },
      ],
    };
  },
});
