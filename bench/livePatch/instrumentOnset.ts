/**
 * How long a live DDSP instrument takes, by itself, from a note-on to its pitch being detectable:
 * the note-on is applied at a known sample of DdspStreamGenerator run in Node (the shipped model on
 * onnxruntime-web WASM, no Worker, no ring, no device), and the same detector as the live run's
 * recording finds the onset. What the recording shows beyond this is the system's delay.
 */
import { DDSP_DECODER_CONTRACT, DecoderSession, instrumentModelId } from '../../nodes/ddsp/decoder';
import { DdspStreamGenerator, type LiveDdspParams } from '../../nodes/ddsp/live/ddspGenerator';
import { createNodeModelService } from '../../src/ml/nodeModels';
import { onsetAfter } from './analysis';

const BLOCK = 128;

/**
 * Onsets in ms of MIDI note `pitch` played 0.6 s in by an instrument with `params`, at `sampleRate`,
 * one per entry of `over`: null plays it from silence, a pitch plays it while that note sounds (so
 * the new note glides from it, as a monophonic instrument does when a played note takes over from a
 * clip's). An onset never detected is null. The model is loaded once.
 */
export async function instrumentOnsetsMs(params: LiveDdspParams, pitch: number, sampleRate: number, over: readonly (number | null)[]): Promise<(number | null)[]> {
  const models = createNodeModelService();
  try {
    const model = await models.load(instrumentModelId(params.instrument), { require: DDSP_DECODER_CONTRACT, provider: 'wasm' });
    const onsets: (number | null)[] = [];
    for (const under of over) {
      const gen = new DdspStreamGenerator(sampleRate, 1, params, async () => new DecoderSession(model));
      await gen.ready();
      const blocks = Math.ceil((1.4 * sampleRate) / BLOCK);
      const noteBlock = Math.ceil((0.6 * sampleRate) / BLOCK);
      const out = new Float32Array(blocks * BLOCK);
      const block = [new Float32Array(BLOCK)];
      for (let b = 0; b < blocks; b++) {
        if (b === 0 && under !== null) gen.control({ type: 'on', pitch: under, velocity: 0.8 });
        if (b === noteBlock) gen.control({ type: 'on', pitch, velocity: 100 / 127 });
        await gen.generate(block, BLOCK);
        out.set(block[0], b * BLOCK);
      }
      const onset = onsetAfter(out, sampleRate, (noteBlock * BLOCK) / sampleRate, 440 * 2 ** ((pitch - 69) / 12));
      onsets.push(onset === null ? null : onset * 1000);
    }
    return onsets;
  } finally {
    await models.dispose();
  }
}
