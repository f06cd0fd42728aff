/** A plain WAV dropped on the canvas becomes an 'audio.file' node with the file embedded; wired to the output, it is heard. */
import { writeWav } from '../../../src/dsp/wav';
import type { AudioClip } from '../../../src/engine/values';
import { connect, dragFromPalette, dropFile, idle, nodeSel } from './helpers';
import { canvasInk } from './probes';
import { expect, type Spec } from './spec';

/** Half a second of a 440 Hz sine at amplitude 0.5, stereo, 44.1 kHz. */
function sineClip(): AudioClip {
  const rate = 44100;
  const ch = new Float32Array(rate / 2);
  for (let i = 0; i < ch.length; i++) ch[i] = 0.5 * Math.sin((2 * Math.PI * 440 * i) / rate);
  return { sampleRate: rate, channels: [ch, ch.slice()] };
}

/** Specs of dropped audio files. */
export const audioFileSpecs: Spec[] = [
  {
    name: 'a dropped plain WAV becomes an audio file node with a waveform, heard when wired to the output',
    async run({ page, shot }) {
      await dropFile(page, 'sine.wav', 'audio/wav', writeWav(sineClip()), 200, 250);
      await page.waitForFunction(() => window.__genpatch!.nodes().length === 1);
      const [node] = await page.evaluate(() => window.__genpatch!.nodes());
      expect(node.type === 'audio.file', `the drop made a ${node.type} node`);
      const text = await page.evaluate(() => window.__genpatch!.patchText());
      expect(text.includes('"sine.wav"') && typeof node.params.file === 'string', 'the WAV file is not embedded in the patch');
      await idle(page);
      expect(await page.evaluate((id) => window.__genpatch!.status(id), node.id) === 'done', 'the audio file node did not run');
      const wave = page.locator(`${nodeSel(node.id)} canvas.preview-canvas[aria-label="Waveform"]`);
      await wave.waitFor();
      expect(await canvasInk(wave) > 400, 'the waveform preview of the dropped file is blank');

      const out = await dragFromPalette(page, 'audio.output', 620, 250);
      await connect(page, node.id, 'audio', out, 'audio');
      await idle(page);
      expect(await page.evaluate((id) => window.__genpatch!.status(id), out) === 'done', 'the audio output did not run');
      const peak = await page.evaluate(() => window.__genpatch!.lastRenderPeak());
      expect(Math.abs(peak - 0.5) < 0.01, `the output peak is ${peak}, the file's is 0.5`);
      await shot('23-dropped-wav');

      await dropFile(page, 'broken.wav', 'audio/wav', new TextEncoder().encode('this is not a wave file'), 300, 450);
      const toast = page.getByTestId('toast-error').filter({ hasText: 'broken.wav' });
      await toast.first().waitFor({ timeout: 3000 });
      expect((await page.evaluate(() => window.__genpatch!.nodes().length)) === 2, 'the broken WAV added a node');
    },
  },
];
