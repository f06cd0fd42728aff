/** The conditioning family of nodes. */
import type { NodeDef } from '../../src/engine/node';

/** Every node of the conditioning family. */
export const conditioningNodes: NodeDef[] = [];
