/** The genetic-algorithm family: evolve melodies against fitness criteria or the listener's ratings. */
import type { NodeDef } from '../../../src/engine/node';
import { gaEvolveNode } from './evolveNode';
import { fitnessCombineNode } from './fitnessCombineNode';
import {
  fitnessChordsNode, fitnessContourNode, fitnessDensityNode, fitnessMarkovNode, fitnessScaleNode, fitnessTargetNode,
} from './fitnessTermNodes';

/** Every node of the GA family. */
export const gaNodes: NodeDef[] = [
  gaEvolveNode,
  fitnessScaleNode, fitnessChordsNode, fitnessContourNode, fitnessDensityNode, fitnessTargetNode, fitnessMarkovNode,
  fitnessCombineNode,
];
