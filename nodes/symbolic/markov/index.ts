/** The Markov-chain family: train a variable-order chain on melodies, generate from it. */
import type { NodeDef } from '../../../src/engine/node';
import { markovGenerateNode } from './generateNode';
import { markovTrainNode } from './trainNode';

/** Every node of the Markov family. */
export const markovNodes: NodeDef[] = [markovTrainNode, markovGenerateNode];
