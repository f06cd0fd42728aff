/** The conditioning family of nodes: scales, chord progressions, tempo and meter. */
import type { NodeDef } from '../../src/engine/node';
import { chordsNode } from './chordsNode';
import { chordsToNotesNode } from './chordsToNotesNode';
import { scaleNode } from './scaleNode';
import { tempoMeterNode } from './tempoMeterNode';

/** Every node of the conditioning family. */
export const conditioningNodes: NodeDef[] = [scaleNode, chordsNode, tempoMeterNode, chordsToNotesNode];
