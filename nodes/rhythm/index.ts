/** The rhythm family of nodes. */
import type { NodeDef } from '../../src/engine/node';

/** Every node of the rhythm family. */
export const rhythmNodes: NodeDef[] = [];
