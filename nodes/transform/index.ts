/** The transform family of nodes. */
import type { NodeDef } from '../../src/engine/node';

/** Every node of the transform family. */
export const transformNodes: NodeDef[] = [];
