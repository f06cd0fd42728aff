/** The `neural.load-model` node: a shipped token model or the user's own, checked and described. */
import { defineNode, type Preview } from '../../src/engine/node';
import type { LoadedModel } from '../../src/ml/service';
import { PROVIDERS, SHIPPED_MODELS, type ModelRef, type NeuralModelValue } from './neuralModel';
import { loadNeuralModel, providerText } from './openModel';
import { MODEL_ASSET_TYPES } from './userModelFiles';

const MODEL_CHOICES = [...SHIPPED_MODELS, 'file'] as const;

/** A readable summary of a loaded model: what it is, what it was trained on, how well it does. */
function summary(value: NeuralModelValue, model: LoadedModel): string {
  const m = model.manifest;
  const metrics = Object.entries(m.metrics ?? {}).filter(([, v]) => typeof v === 'number').map(([k, v]) => `${k} ${(v as number).toFixed(3)}`);
  const data = typeof m.data === 'string' ? m.data : typeof m.data?.name === 'string' ? m.data.name : undefined;
  return [
    `${value.title} (${value.id}): ${value.modelKind}, ${value.format} tokens of ${value.vocabulary.id}`
      + `${value.maxPositions ? `, context ${value.maxPositions} tokens` : ''}.`,
    m.description ?? '',
    data ? `Data: ${data}.` : '',
    metrics.length ? `Metrics: ${metrics.join(', ')}.` : '',
    `Runs ${providerText(model).replace(`${m.id} `, '')}; graph sha256 ${value.sha256.slice(0, 16)}…`,
  ].filter(Boolean).join('\n');
}

/** Loads a neural token model for the other neural nodes. */
export const loadModelNode = defineNode({
  type: 'neural.load-model',
  title: 'Load neural model',
  category: 'neural',
  doc: 'Picks the neural sequence model the other neural nodes run: the melody LSTM (a two-layer '
    + 'LSTM language model over melody tokens trained on Irish dance tunes, after Sturm et al.\'s '
    + 'folk-rnn, 2016) or the chorale transformer (a GPT-2-style decoder, Radford et al. 2019, over '
    + 'four-voice JSB chorales on a 16th-note grid, the serialization Huang et al.\'s Music Transformer, '
    + '2018, used for the chorales), '
    + 'or your own model as patch assets: a .zip of a model folder (Hugging Face layout with '
    + 'config.json and onnx/model.onnx, or any folder with a genpatch manifest.json), model.onnx with '
    + 'its manifest.json, or a lone .onnx whose inputs and outputs follow the contract (input_ids → '
    + 'logits over the 216 genpatch tokens, recurrent state h0/c0 → hn/cn or a key/value cache '
    + 'past_key_values.i.* → present.i.*). Every file is checked against its sha256 and the graph '
    + 'against the contract before anything runs; a model that does not fit is refused with what it '
    + 'lacks. The output carries a reference to the model (its id, or its assets with their sha256), '
    + 'its kind, token format and vocabulary, and where it runs (WebGPU in the browser when offered, '
    + 'else WASM).',
  heavy: true,
  outputs: { model: { type: 'model:neural', doc: 'The model, for neural.continue, neural.harmonize, neural.score and ga.fitness-neural.' } },
  params: {
    model: { kind: 'enum', options: MODEL_CHOICES, default: 'melody-lstm', doc: 'A shipped model, or "file" for the assets below.' },
    file: { kind: 'asset', accept: MODEL_ASSET_TYPES, multiple: true, default: [], doc: 'Your model: a .zip of its folder, model.onnx (+ manifest.json), or a lone .onnx.' },
    format: { kind: 'enum', options: ['auto', 'melody', 'chorale'], default: 'auto', doc: 'Token format; auto reads it from the manifest or config.json.' },
    provider: { kind: 'enum', options: PROVIDERS, default: 'auto', doc: 'Where to run: auto = WebGPU when the browser offers it, else WASM.' },
  },
  run: async (_inputs, p, ctx) => {
    const who = `node ${ctx.nodeId} (neural.load-model)`;
    let ref: ModelRef;
    if (p.model === 'file') {
      if (p.file.length === 0) throw new Error(`${who}: model is "file" but no model asset is chosen (${MODEL_ASSET_TYPES.join(', ')})`);
      ref = { source: 'assets', assets: p.file.map((id) => ({ id, name: ctx.asset(id).name, sha256: '' })) };
    } else {
      ref = { source: 'shipped', id: p.model };
    }
    ctx.progress(0, 'loading model');
    const { value, model } = await loadNeuralModel({ ref, format: p.format, provider: p.provider }, ctx, who);
    ctx.log.info(`${who}: ${providerText(model)}`);
    ctx.progress(1, `${value.id} on ${model.provider}`);
    const previews: Preview[] = [{ kind: 'text', title: 'Model', text: summary(value, model) }];
    return { outputs: { model: value }, previews };
  },
});
