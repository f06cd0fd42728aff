/** A tiny arithmetic node family and graph builders shared by the scheduler tests. */
import { defineNode } from '../../src/engine/node';

/** A constant number (`value`). */
export const constant = defineNode({
  type: 'test.const', title: 'Const', category: 'test', doc: 'A number.',
  outputs: { out: { type: 'number' } },
  params: { value: { kind: 'float', default: 0, min: -1000, max: 1000 } },
  run: (_i, { value }) => ({ outputs: { out: value } }),
});

/** The bias value that makes `add` throw, for failure tests. */
export const CURSED_BIAS = 666;

/** a + b + bias; throws when bias is CURSED_BIAS. */
export const add = defineNode({
  type: 'test.add', title: 'Add', category: 'test', doc: 'Sum of inputs plus a bias.',
  inputs: { a: { type: 'number' }, b: { type: 'number', optional: true } },
  outputs: { out: { type: 'number' } },
  params: { bias: { kind: 'float', default: 0 } },
  run: ({ a, b }, { bias }) => {
    if (bias === CURSED_BIAS) throw new Error('cursed bias');
    return { outputs: { out: a + (b ?? 0) + bias } };
  },
});

/** Waits `ms` (yielding), then passes its input on. */
export const slow = defineNode({
  type: 'test.slow', title: 'Slow', category: 'test', doc: 'Waits, then passes its input on.',
  inputs: { a: { type: 'number' } },
  outputs: { out: { type: 'number' } },
  params: { ms: { kind: 'int', default: 30 } },
  run: async ({ a }, { ms }, ctx) => {
    const t0 = Date.now();
    while (Date.now() - t0 < ms) await ctx.yield();
    return { outputs: { out: a } };
  },
});

/** A graph node instance. */
export const n = (id: string, type: string, params: Record<string, unknown> = {}) => ({ id, type, params });

/** An edge from `from`.out to `to`.`port`. */
export const e = (from: string, to: string, port = 'a') => ({ from: { node: from, port: 'out' }, to: { node: to, port } });
