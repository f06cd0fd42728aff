/**
 * Worker entry of the live DDSP instrument (nodes/ddsp/live/ddspGenerator.ts): decodes frame by
 * frame with its own onnxruntime-web session (WASM, one thread) and hands the synthesized blocks to
 * the stream's AudioWorklet. Models are fetched from `<base>models/<id>/` and checked against
 * their manifest, as the page's model service does.
 */
import { DDSP_DECODER_CONTRACT, DecoderSession, instrumentModelId } from '../../../nodes/ddsp/decoder';
import { DdspStreamGenerator, type LiveDdspParams } from '../../../nodes/ddsp/live/ddspGenerator';
import { createInThreadModelService } from '../../ml/browserModels';
import { hostBlockGenerators } from '../stream/workerHost';

const models = createInThreadModelService('the live DDSP stream');

hostBlockGenerators({
  // Ready (and so streaming) only once the decoder is loaded and warmed up: the worklet's pre-roll then fills in time.
  ddsp: async ({ sampleRate, options }) => {
    const generator = new DdspStreamGenerator(sampleRate, Number(options.seed ?? 0), options.params as LiveDdspParams,
      async (instrument) => new DecoderSession(await models.load(instrumentModelId(instrument), { require: DDSP_DECODER_CONTRACT, provider: 'wasm', who: 'the live DDSP stream' })));
    await generator.ready();
    return generator;
  },
});
