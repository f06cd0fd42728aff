/** The io family of nodes. */
import type { NodeDef } from '../../src/engine/node';

/** Every node of the io family. */
export const ioNodes: NodeDef[] = [];
