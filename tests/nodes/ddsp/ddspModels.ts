/**
 * Model services for the DDSP node tests: the tiny fixture decoder (tests/fixtures/models/tiny-ddsp,
 * written by training/make_ddsp_test_model.py) answering for every `ddsp-<instrument>` id, and the
 * shipped decoders of public/models when they are present.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NodeServices } from '../../../src/engine/node';
import { createNodeModelService, SHIPPED_MODELS_DIR } from '../../../src/ml/nodeModels';
import { modelServices, type ModelService } from '../../../src/ml/service';

/** The folder of the fixture models. */
export const FIXTURE_MODELS = resolve(import.meta.dirname, '../../fixtures/models');

/** A model service whose `ddsp-*` ids all load the tiny fixture decoder. */
export function fixtureDecoderService(): ModelService {
  const service = createNodeModelService(FIXTURE_MODELS);
  return { ...service, load: (id, options) => service.load(id.startsWith('ddsp-') ? 'tiny-ddsp' : id, options) };
}

/** Node services with the fixture decoder. */
export function fixtureServices(service: ModelService = fixtureDecoderService()): NodeServices {
  return modelServices(service);
}

/** True when public/models/ddsp-<instrument> has a manifest (the trained model has landed). */
export function hasShippedDecoder(instrument: string): boolean {
  return existsSync(join(SHIPPED_MODELS_DIR, `ddsp-${instrument}`, 'manifest.json'));
}
