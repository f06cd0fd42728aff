/** The rhythm and pattern family: Euclidean rhythms, random walks, arpeggiators, L-systems. */
import type { NodeDef } from '../../src/engine/node';
import { arpeggiatorNode } from './arpeggiatorNode';
import { euclidNode } from './euclidNode';
import { lsystemNode } from './lsystemNode';
import { randomWalkNode } from './randomWalkNode';

/** Every node of the rhythm family. */
export const rhythmNodes: NodeDef[] = [euclidNode, randomWalkNode, arpeggiatorNode, lsystemNode];
