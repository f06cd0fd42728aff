/** The DDSP family (Engel et al. 2020): audio or notes → features → neural decoder → harmonic-plus-noise synth. */
import type { NodeDef } from '../../src/engine/node';
import { audioFeaturesNode } from './audioFeaturesNode';
import { decoderNode } from './decoderNode';
import { ddspInstrumentNode } from './instrumentNode';
import { notesFeaturesNode } from './notesFeaturesNode';
import { synthNode } from './synthNode';

/** Every node of the DDSP family. */
export const ddspNodes: NodeDef[] = [audioFeaturesNode, notesFeaturesNode, decoderNode, synthNode, ddspInstrumentNode];
