/** Every browser test, in the order run.ts runs them. */
import { buildSpecs } from './build';
import { comfortSpecs } from './comfort';
import { fileSpecs } from './files';
import { layoutSpecs } from './layout';
import { markovSpecs } from './markov';
import { paramSpecs } from './params';
import type { Spec } from './spec';

/** All specs. */
export const specs: Spec[] = [...layoutSpecs, ...buildSpecs, ...paramSpecs, ...comfortSpecs, ...markovSpecs, ...fileSpecs];
