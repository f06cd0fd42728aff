/** Reading an L-system string as a melody: a "turtle" whose height is the pitch and whose steps are time. */
import type { Note } from '../../src/engine/values';
import { reflectIndex } from './scaleLadder';

/** What a symbol does to the turtle. */
export const TURTLE_ACTIONS = ['note', 'up', 'down', 'raise', 'lower', 'hold', 'rest', 'push', 'pop'] as const;
/** One of TURTLE_ACTIONS. */
export type TurtleAction = (typeof TURTLE_ACTIONS)[number];

/**
 * Parses a symbol mapping such as "A=note B=up +=raise -=lower": note plays the current pitch for
 * one step; up/down move one interval and play; raise/lower move without playing; hold lengthens
 * the last note by a step; rest is a silent step; push/pop save and restore the pitch (brackets).
 */
export function parseMapping(text: string, node: string): Map<string, TurtleAction> {
  const mapping = new Map<string, TurtleAction>();
  for (const item of text.split(/\s+/).filter(Boolean)) {
    const m = /^(\S)=(\w+)$/.exec(item);
    const action = m?.[2] as TurtleAction | undefined;
    if (!m || !action || !TURTLE_ACTIONS.includes(action)) {
      throw new Error(`${node}: mapping "${item}" should be symbol=action with an action from ${TURTLE_ACTIONS.join(', ')}`);
    }
    mapping.set(m[1], action);
  }
  return mapping;
}

/** Options of `interpretTurtle`. */
export interface TurtleOptions {
  mapping: Map<string, TurtleAction>;
  /** Scale pitches the turtle moves along, ascending. */
  ladder: readonly number[];
  start: number;
  /** Rungs moved by up/down/raise/lower. */
  interval: number;
  stepDuration: number;
  velocity: number;
}

/** Interprets the string left to right; unmapped symbols are skipped; the pitch reflects at the ladder's ends. */
export function interpretTurtle(text: string, o: TurtleOptions): { notes: Note[]; steps: number } {
  const notes: Note[] = [];
  const stack: number[] = [];
  let rung = o.start;
  let step = 0;
  let last: Note | null = null;
  const move = (d: number): void => { rung = reflectIndex(rung + d, o.ladder.length); };
  const play = (): void => {
    last = { pitch: o.ladder[rung], velocity: o.velocity, start: step * o.stepDuration, duration: o.stepDuration };
    notes.push(last);
    step++;
  };
  for (const symbol of text) {
    const action = o.mapping.get(symbol);
    switch (action) {
      case undefined: break;
      case 'note': play(); break;
      case 'up': move(o.interval); play(); break;
      case 'down': move(-o.interval); play(); break;
      case 'raise': move(o.interval); break;
      case 'lower': move(-o.interval); break;
      case 'rest': last = null; step++; break;
      case 'hold':
        if (last) (last as Note).duration += o.stepDuration;
        step++;
        break;
      case 'push': stack.push(rung); break;
      case 'pop': if (stack.length) rung = stack.pop()!; break;
    }
  }
  return { notes, steps: step };
}
