/** Playing, saving, reopening, sharing, autosave and dropped files. */
import { readFileSync } from 'node:fs';
import { writeMidi } from '../../../src/music/midi';
import { BASE } from '../harness';
import { dropFile, idle, nodeIds } from './helpers';
import { melodyPatch, sharePath } from './patches';
import { expect, type Spec } from './spec';

const patchText = (page: import('playwright-core').Page) => page.evaluate(() => window.__genpatch!.patchText());

/** Specs of files and sharing. */
export const fileSpecs: Spec[] = [
  {
    name: 'plays the output and audio reaches the speakers',
    path: sharePath(melodyPatch()),
    async run({ page, shot }) {
      await idle(page);
      await page.getByTestId('play').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="play"]')?.textContent?.includes('Stop'));
      let heard = 0;
      for (let i = 0; i < 30 && heard < 0.01; i++) {
        await page.waitForTimeout(100);
        heard = Math.max(heard, await page.evaluate(() => window.__genpatch!.meterPeak()));
      }
      await shot('05-playing');
      expect(heard > 0.01, `nothing was heard at the master output (peak ${heard})`);
      await page.keyboard.press(' ');
      await page.waitForFunction(() => document.querySelector('[data-testid="play"]')?.textContent?.includes('Play'));
    },
  },
  {
    name: 'saves the patch and reopens the saved file',
    path: sharePath(melodyPatch()),
    async run({ page }) {
      await idle(page);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save').click()]);
      expect(download.suggestedFilename().endsWith('.genpatch.json'), `saved as ${download.suggestedFilename()}`);
      const saved = readFileSync((await download.path())!, 'utf8');
      expect(saved === await patchText(page), 'the saved file differs from the patch');
      await page.keyboard.press('Alt+n');
      expect((await nodeIds(page)).length === 0, 'New did not empty the patch');
      await dropFile(page, 'saved.genpatch.json', 'application/json', new TextEncoder().encode(saved));
      await page.waitForFunction(() => window.__genpatch!.nodes().length === 4);
      expect(await patchText(page) === saved, 'the reopened patch differs from the saved one');
    },
  },
  {
    name: 'a share link round-trips the patch',
    path: sharePath(melodyPatch()),
    async run({ page, context, shot }) {
      const original = await patchText(page);
      await page.getByTestId('share-button').click();
      const url = await page.getByTestId('share-url').inputValue();
      expect(url.startsWith(BASE) && url.includes('#patch='), `unexpected share url ${url.slice(0, 80)}`);
      await shot('06-share-dialog');
      const other = await context.newPage();
      await other.goto(url);
      await other.waitForFunction(() => window.__genpatch?.nodes().length === 4);
      const reopened = await other.evaluate(() => window.__genpatch!.patchText());
      expect(reopened === original, 'the shared patch differs from the original');
    },
  },
  {
    name: 'autosave restores the patch after a reload',
    path: sharePath(melodyPatch()),
    async run({ page }) {
      await page.evaluate(() => window.__genpatch!.flushAutosave());
      const before = await patchText(page);
      await page.goto(BASE);
      await page.waitForFunction(() => window.__genpatch?.nodes().length === 4);
      expect(await patchText(page) === before, 'the restored patch differs from the autosaved one');
    },
  },
  {
    name: 'a dropped MIDI file becomes a MIDI file node with the file embedded',
    async run({ page, shot }) {
      const seq = { notes: [60, 64, 67, 72].map((pitch, i) => ({ pitch, velocity: 0.8, start: i, duration: 1 })), tempo: 100, timeSignature: { numerator: 4, denominator: 4 }, length: 4 };
      await dropFile(page, 'arpeggio.mid', 'audio/midi', writeMidi(seq));
      await page.waitForFunction(() => window.__genpatch!.nodes().length === 1);
      const [node] = await page.evaluate(() => window.__genpatch!.nodes());
      expect(node.type === 'midi.file', `the drop made a ${node.type} node`);
      const text = await patchText(page);
      expect(text.includes('"arpeggio.mid"'), 'the MIDI file is not embedded in the patch');
      await idle(page);
      expect(await page.evaluate((id) => window.__genpatch!.status(id), node.id) === 'done', 'the MIDI node did not run');
      await shot('07-dropped-midi');
    },
  },
  {
    name: 'exported MIDI and WAV carry the patch and reopen it when dropped',
    path: sharePath(melodyPatch()),
    async run({ page }) {
      await idle(page);
      const original = await patchText(page);
      for (const [label, name, mime] of [['MIDI ↓', 'x.mid', 'audio/midi'], ['WAV ↓', 'x.wav', 'audio/wav']] as const) {
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
        const bytes = new Uint8Array(readFileSync((await download.path())!));
        await page.keyboard.press('Alt+n');
        await dropFile(page, name, mime, bytes);
        await page.waitForFunction(() => window.__genpatch!.nodes().length === 4);
        expect(await patchText(page) === original, `the patch reopened from ${name} differs`);
      }
    },
  },
];
