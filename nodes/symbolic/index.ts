/** The symbolic family of nodes. */
import type { NodeDef } from '../../src/engine/node';
import { caNodes } from './ca';
import { corpusNodes } from './corpus';
import { gaNodes } from './ga';
import { markovNodes } from './markov';

/** Every node of the symbolic family. */
export const symbolicNodes: NodeDef[] = [
  ...corpusNodes,
  ...markovNodes,
  ...gaNodes,
  ...caNodes,
];
