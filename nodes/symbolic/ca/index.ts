/** The cellular-automaton family: 1D and 2D automata, and nodes that turn their histories into music. */
import type { NodeDef } from '../../../src/engine/node';
import { elementaryNode } from './elementaryNode';
import { lifeNode } from './lifeNode';
import { caToDrumsNode } from './toDrumsNode';
import { caToNotesNode } from './toNotesNode';
import { totalisticNode } from './totalisticNode';

/** Every node of the cellular-automaton family. */
export const caNodes: NodeDef[] = [elementaryNode, totalisticNode, lifeNode, caToNotesNode, caToDrumsNode];
