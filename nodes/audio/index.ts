/** The audio family of nodes. */
import type { NodeDef } from '../../src/engine/node';

/** Every node of the audio family. */
export const audioNodes: NodeDef[] = [];
