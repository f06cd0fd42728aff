/** The corpus family: vendored music corpora as notes. */
import type { NodeDef } from '../../../src/engine/node';
import { corpusLoadNode } from './loadNode';

/** Every node of the corpus family. */
export const corpusNodes: NodeDef[] = [corpusLoadNode];
