/** The neural family: token models (melody LSTM, chorale transformer, your own ONNX) that continue, harmonize and score. */
import type { NodeDef } from '../../src/engine/node';
import { continueNode } from './continueNode';
import { fitnessNeuralNode } from './fitnessNeuralNode';
import { harmonizeNode } from './harmonizeNode';
import { loadModelNode } from './loadModelNode';
import { scoreNode } from './scoreNode';

/** Every node of the neural family. */
export const neuralNodes: NodeDef[] = [loadModelNode, continueNode, harmonizeNode, scoreNode, fitnessNeuralNode];
