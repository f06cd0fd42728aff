/** The sampled piano in the page: its samples are served at /samples/piano/ and a notes → piano → output patch sounds. */
import { createPatch } from '../../../src/engine/patch';
import type { Patch } from '../../../src/engine/patch/types';
import { idle, nodeSel, statuses } from './helpers';
import { sharePath } from './patches';
import { canvasInk, withTimeout } from './probes';
import { expect, type Spec } from './spec';

/** Note clip → Piano → Audio output, short enough to render in a moment. */
function pianoPatch(): Patch {
  const p = createPatch({ title: 'e2e piano', description: 'A broken chord on the sampled piano.' });
  p.nodes.push(
    { id: 'n1', type: 'notes.clip', version: 1, position: { x: 0, y: 100 }, params: { text: 'C4/8 E4 G4 C5/4' } },
    { id: 'n2', type: 'instrument.piano', version: 1, position: { x: 280, y: 100 }, params: { tail: 0.5 } },
    { id: 'n3', type: 'audio.output', version: 1, position: { x: 560, y: 100 }, params: {} },
  );
  p.edges.push(
    { id: 'e1', from: { node: 'n1', port: 'notes' }, to: { node: 'n2', port: 'notes' } },
    { id: 'e2', from: { node: 'n2', port: 'audio' }, to: { node: 'n3', port: 'audio' } },
  );
  return p;
}

/** Specs of the piano. */
export const pianoSpecs: Spec[] = [
  {
    name: 'the sampled piano loads its samples and renders in the page',
    path: sharePath(pianoPatch()),
    async run({ page, shot }) {
      await withTimeout(idle(page), 60_000, 'the piano patch did not finish its run in 60 s');
      const st = await statuses(page, ['n1', 'n2', 'n3']);
      const errors = await page.evaluate(() => window.__genpatch!.nodeStates().map((s) => s.error).filter(Boolean));
      expect(st.every((s) => s === 'done' || s === 'cached'), `statuses: ${st.join(', ')} ${errors.join('; ')}`);
      const peak = await page.evaluate(() => window.__genpatch!.lastRenderPeak());
      expect(peak > 0.01, `the piano is silent (peak ${peak})`);
      const samples = await page.evaluate(() => performance.getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname.startsWith('/samples/piano/'))
        .map((e) => ({ url: e.name, status: (e as PerformanceResourceTiming & { responseStatus?: number }).responseStatus })));
      expect(samples.length > 0, 'the page fetched no piano samples from /samples/piano/');
      const failed = samples.filter((s) => s.status !== undefined && s.status !== 200);
      expect(failed.length === 0, `piano samples failed to load: ${failed.map((s) => `${s.url} ${s.status}`).join(', ')}`);
      const wave = page.locator(`${nodeSel('n2')} canvas.preview-canvas`);
      expect(await wave.count() === 1, 'the piano node shows no waveform');
      expect(await canvasInk(wave) > 400, 'the piano waveform preview is blank');
      await shot('22-piano');
    },
  },
];
