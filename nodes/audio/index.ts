/** The audio family of nodes: instruments (notes → audio) and audio utilities. */
import type { NodeDef } from '../../src/engine/node';
import { drumKitNode } from './drumKitNode';
import { audioOutputNode, gainNode, mixNode } from './mixingNodes';
import { multiInstrumentNode } from './multiInstrumentNode';
import { pianoNode } from './pianoNode';
import { amSynthNode, fmSynthNode, polySynthNode } from './synthInstrumentNodes';

/** Every node of the audio family. */
export const audioNodes: NodeDef[] = [
  polySynthNode,
  fmSynthNode,
  amSynthNode,
  drumKitNode,
  pianoNode,
  multiInstrumentNode,
  gainNode,
  mixNode,
  audioOutputNode,
];
