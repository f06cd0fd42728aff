/** Building a patch with the mouse: palette drags, connections, a refused connection, a param edit. */
import { connect, dragFromPalette, idle, nodeSel, statuses } from './helpers';
import { expect, type Spec } from './spec';

/** Specs of mouse building. */
export const buildSpecs: Spec[] = [
  {
    name: 'builds a patch from the palette by mouse and runs it',
    async run({ page, shot }) {
      const clip = await dragFromPalette(page, 'notes.clip', 60, 160);
      const gen = await dragFromPalette(page, 'notes.transpose', 320, 330);
      const synth = await dragFromPalette(page, 'instrument.poly', 560, 160);
      const out = await dragFromPalette(page, 'audio.output', 560, 460);
      await connect(page, clip, 'notes', gen, 'notes');
      await connect(page, gen, 'notes', synth, 'notes');
      await connect(page, synth, 'audio', out, 'audio');
      const edges = await page.evaluate(() => window.__genpatch!.edges());
      expect(edges.length === 3, `expected 3 connections, got ${JSON.stringify(edges)}`);
      await idle(page);
      const st = await statuses(page, [clip, gen, synth, out]);
      expect(st.every((s) => s === 'done' || s === 'cached'), `statuses after the run: ${st.join(', ')}`);
      const peak = await page.evaluate(() => window.__genpatch!.lastRenderPeak());
      expect(peak > 0.01, `the output audio is silent (peak ${peak})`);
      expect(await page.locator(`${nodeSel(gen)} canvas.preview-canvas`).count() === 1, 'the transpose node shows no preview');
      await page.keyboard.press('f');
      await page.waitForTimeout(300);
      await shot('02-built-by-mouse');
    },
  },
  {
    name: 'refuses an illegal connection while it is dragged, with the reason',
    async run({ page, shot }) {
      const synth = await dragFromPalette(page, 'instrument.poly', 150, 200);
      const train = await dragFromPalette(page, 'notes.transpose', 550, 200);
      await connect(page, synth, 'audio', train, 'notes', false);
      const hint = page.getByTestId('connection-hint');
      await hint.waitFor({ timeout: 3000 });
      const text = await hint.textContent();
      expect(text?.includes('audio') && text.includes('notes'), `the hint does not name both types: ${text}`);
      await shot('03-refused-connection');
      await page.mouse.up();
      const edges = await page.evaluate(() => window.__genpatch!.edges());
      expect(edges.length === 0, `the illegal connection was made: ${JSON.stringify(edges)}`);
      await page.getByTestId('toast-error').first().waitFor({ timeout: 3000 });
    },
  },
];
