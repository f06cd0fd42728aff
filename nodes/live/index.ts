/** The live family: control sources (slider, XY pad, LFO, random, envelope follower, keyboard) and playable audio nodes (microphone, synth, filter, mix), each with a live face. */
import type { NodeDef } from '../../src/engine/node';
import { filterNode } from './filterNode';
import { followerNode } from './followerNode';
import { keyboardNode } from './keyboardNode';
import { lfoNode } from './lfoNode';
import { microphoneNode } from './microphoneNode';
import { liveMixNode } from './mixNode';
import { randomNode } from './randomNode';
import { sliderNode } from './sliderNode';
import { liveSynthNode } from './synthNode';
import { xyPadNode } from './xyPadNode';

/** Every node of the live family. */
export const liveNodes: NodeDef[] = [
  sliderNode,
  xyPadNode,
  lfoNode,
  randomNode,
  followerNode,
  keyboardNode,
  microphoneNode,
  liveSynthNode,
  filterNode,
  liveMixNode,
];
