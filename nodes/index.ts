/** Every node family of genpatch, assembled into one list; hosts build a NodeRegistry from it. */
import type { NodeDef } from '../src/engine/node';
import { NodeRegistry } from '../src/engine/registry';
import { audioNodes } from './audio';
import { conditioningNodes } from './conditioning';
import { ddspNodes } from './ddsp';
import { ioNodes } from './io';
import { liveNodes } from './live';
import { neuralNodes } from './neural';
import { rhythmNodes } from './rhythm';
import { symbolicNodes } from './symbolic';
import { transformNodes } from './transform';

/** All node definitions. */
export const allNodes: NodeDef[] = [
  ...ioNodes,
  ...transformNodes,
  ...audioNodes,
  ...symbolicNodes,
  ...rhythmNodes,
  ...conditioningNodes,
  ...liveNodes,
  ...ddspNodes,
  ...neuralNodes,
];

/** A fresh registry with every node type. */
export function createRegistry(): NodeRegistry {
  return new NodeRegistry(allNodes);
}
