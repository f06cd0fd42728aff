/** The transform family of nodes: notes in, notes out. */
import type { NodeDef } from '../../src/engine/node';
import { concatNode } from './concat';
import { filterNode } from './filter';
import { humanizeNode } from './humanize';
import { loopNode } from './loop';
import { mergeNode } from './merge';
import { quantizeGridNode } from './quantizeGrid';
import { quantizeScaleNode } from './quantizeScale';
import { timeStretchNode } from './timeStretch';
import { transposeNode } from './transpose';
import { velocityNode } from './velocity';
import { voiceSplitNode } from './voiceSplit';

/** Every node of the transform family. */
export const transformNodes: NodeDef[] = [
  transposeNode,
  quantizeScaleNode,
  quantizeGridNode,
  timeStretchNode,
  loopNode,
  concatNode,
  mergeNode,
  filterNode,
  humanizeNode,
  voiceSplitNode,
  velocityNode,
];
