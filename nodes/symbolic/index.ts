/** The symbolic family of nodes. */
import type { NodeDef } from '../../src/engine/node';

/** Every node of the symbolic family. */
export const symbolicNodes: NodeDef[] = [];
