/**
 * Opening neural models through the host's model service: a shipped model by id, or a user's model
 * from patch assets, checked against the contract every neural node relies on (a token model with
 * input_ids → logits over genpatch-events-v1 and explicit recurrent state or key/value cache). The
 * loader node turns what it opened into a `model:neural` value; the other nodes reopen that value
 * (sessions are cached by graph digest, so this is cheap) and refuse it if the graph changed.
 */
import type { NodeContext } from '../../src/engine/node';
import { sha256Of } from '../../src/ml/digest';
import { getModelService, type LoadedModel, type ProviderPreference, type RequiredContract } from '../../src/ml/service';
import { VOCAB_ID, VOCAB_SIZE } from '../../src/music/tokens';
import {
  asNeuralModel, maxPositionsOf, NEURAL_KINDS, resolveFormat, type ModelRef, type NeuralModelValue,
} from './neuralModel';
import { filesFromAssets, withManifest } from './userModelFiles';

/** What every neural node needs of a model. */
const REQUIRED: RequiredContract = { kind: NEURAL_KINDS, inputs: ['input_ids'], outputs: ['logits'] };

/** A model opened for a node: the running session and what the value says about it. */
export interface NeuralHandle {
  value: NeuralModelValue;
  model: LoadedModel;
}

/** Where a model runs, for logs and progress: "melody-lstm on wasm (WebGPU is not available…)". */
export function providerText(model: LoadedModel): string {
  return `${model.manifest.id} on ${model.provider}${model.fallbackReason ? ` (${model.fallbackReason})` : ''}`;
}

async function openRef(ref: ModelRef, format: string, provider: ProviderPreference, ctx: NodeContext, who: string): Promise<LoadedModel> {
  const service = getModelService(ctx);
  if (ref.source === 'shipped') return service.load(ref.id, { provider, require: REQUIRED, who });
  const assets = ref.assets.map((a) => ctx.asset(a.id));
  for (const [i, asset] of assets.entries()) {
    const sha = await sha256Of(asset.bytes);
    if (ref.assets[i].sha256 && sha !== ref.assets[i].sha256) {
      throw new Error(`${who}: model asset "${asset.name}" changed since it was loaded (sha256 ${sha}, expected ${ref.assets[i].sha256})`);
    }
  }
  const files = await withManifest(filesFromAssets(assets, who), format as 'melody' | 'chorale' | 'auto', who);
  const name = assets[0].name.replace(/\.(zip|onnx|json)$/i, '');
  return service.loadFiles(files, { name, provider, require: REQUIRED, who });
}

/** Refuses a model without the state pairs that let it step one token at a time, or with another vocabulary size. */
function checkStepping(model: LoadedModel, who: string): void {
  const { contract, id, vocabulary } = model.manifest;
  if (contract.state.length === 0) {
    throw new Error(`${who}: model "${id}" has no recurrent state or key/value cache among its inputs and outputs `
      + '(contract.state is empty), so it cannot step one token at a time (docs/models.md)');
  }
  if (vocabulary && vocabulary.size !== VOCAB_SIZE) {
    throw new Error(`${who}: model "${id}" has ${vocabulary.size} tokens; the neural nodes need ${VOCAB_ID} (${VOCAB_SIZE})`);
  }
}

/** The model's config.json when it has one (Hugging Face layout), else null. */
function configOf(model: LoadedModel): unknown {
  return model.manifest.files.some((f) => f.path === 'config.json') ? model.json('config.json') : null;
}

/** What neural.load-model was asked for. */
export interface ModelChoice {
  ref: ModelRef;
  format: string;
  provider: ProviderPreference;
}

/**
 * Opens a model for neural.load-model and describes it as a `model:neural` value.
 * @example
 * const { value } = await loadNeuralModel({ ref: { source: 'shipped', id: 'melody-lstm' }, format: 'auto', provider: 'auto' }, ctx, 'node m1');
 */
export async function loadNeuralModel(choice: ModelChoice, ctx: NodeContext, who: string): Promise<NeuralHandle> {
  let ref = choice.ref;
  if (ref.source === 'assets') {
    ref = { source: 'assets', assets: await Promise.all(ref.assets.map(async (a) => ({ ...a, sha256: await sha256Of(ctx.asset(a.id).bytes) }))) };
  }
  const model = await openRef(ref, choice.format, choice.provider, ctx, who);
  checkStepping(model, who);
  const config = configOf(model);
  const value: NeuralModelValue = {
    kind: 'neural',
    ref,
    id: model.manifest.id,
    title: model.manifest.title,
    modelKind: model.manifest.kind,
    format: resolveFormat(model.manifest, config, choice.format, who),
    vocabulary: { id: model.manifest.vocabulary?.id ?? VOCAB_ID, size: VOCAB_SIZE },
    sha256: model.sha256,
    maxPositions: model.manifest.kind === 'token-transformer' ? maxPositionsOf(model.manifest, config) : null,
    provider: choice.provider,
  };
  return { value, model };
}

/**
 * Reopens the model a `model:neural` value refers to, logging where it runs; refuses a graph that
 * is no longer the one the value was made from.
 */
export async function openNeuralModel(input: unknown, ctx: NodeContext, who: string): Promise<NeuralHandle> {
  const value = asNeuralModel(input, who);
  const model = await openRef(value.ref, value.format, value.provider, ctx, who);
  if (model.sha256 !== value.sha256) {
    throw new Error(`${who}: model "${value.id}" changed since neural.load-model read it (graph sha256 ${model.sha256}, `
      + `expected ${value.sha256}); run the loader again`);
  }
  ctx.log.info(`${who}: ${providerText(model)}`);
  return { value, model };
}
