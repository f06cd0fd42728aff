/**
 * Test helpers of the neural nodes: model services over the fixture models (tiny untrained exports
 * of the two shipped recipes, written by tests/nodes/neural/fixtures/make-fixtures.sh) or over the
 * real public/models, and a loaded `model:neural` value by id.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadModelNode } from '../../../nodes/neural/loadModelNode';
import type { NeuralModelValue } from '../../../nodes/neural/neuralModel';
import type { NodeServices } from '../../../src/engine/node';
import { createNodeModelService, SHIPPED_MODELS_DIR } from '../../../src/ml/nodeModels';
import { modelServices, type ModelService } from '../../../src/ml/service';
import { runNode } from '../runNode';

/** The folder of the fixture models (ids melody-lstm and chorale-transformer, tiny and untrained). */
export const FIXTURE_MODELS = join(import.meta.dirname, 'fixtures', 'models');

/** True when the real model `id` is in public/models (the trained ones; CI has them). */
export function hasRealModel(id: string): boolean {
  return existsSync(join(SHIPPED_MODELS_DIR, id, 'manifest.json'));
}

/** A model service over `root` and the node services that expose it. */
export function modelHost(root: string): { models: ModelService; services: NodeServices } {
  const models = createNodeModelService(root);
  return { models, services: modelServices(models) };
}

/** The `model:neural` value neural.load-model makes for a shipped id. */
export async function loadValue(id: string, services: NodeServices): Promise<NeuralModelValue> {
  const { outputs } = await runNode(loadModelNode, {}, { model: id }, { services });
  return outputs.model as NeuralModelValue;
}

/** Every file of a folder by its path inside the folder (what a zipped or dropped folder holds). */
export function folderFiles(dir: string): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = new Uint8Array(readFileSync(p));
    }
  };
  walk(dir);
  return out;
}
