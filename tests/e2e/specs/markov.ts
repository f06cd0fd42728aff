/** A symbolic pipeline from the course: a Markov chain trained on a corpus, generating a melody that is played. */
import { createPatch } from '../../../src/engine/patch';
import { idle, selectNode, statuses } from './helpers';
import { sharePath } from './patches';
import { expect, type Spec } from './spec';

function markovPatch() {
  const p = createPatch({ title: 'Markov melody', description: 'Corpus → Markov chain → melody → poly synth.' });
  const node = (id: string, type: string, x: number, y: number, params: Record<string, unknown> = {}) =>
    p.nodes.push({ id, type, version: 1, position: { x, y }, params });
  node('n1', 'corpus.load', 0, 0, { maxTunes: 8 });
  node('n2', 'markov.train', 260, 0);
  node('n3', 'markov.generate', 520, 0, { length: 24, seed: 7 });
  node('n4', 'instrument.poly', 780, 0);
  node('n5', 'audio.output', 780, 220);
  const edge = (id: string, a: string, ap: string, b: string, bp: string) => p.edges.push({ id, from: { node: a, port: ap }, to: { node: b, port: bp } });
  edge('e1', 'n1', 'notes', 'n2', 'notes');
  edge('e2', 'n2', 'model', 'n3', 'model');
  edge('e3', 'n3', 'notes', 'n4', 'notes');
  edge('e4', 'n4', 'audio', 'n5', 'audio');
  p.comments.push({ id: 'c1', text: 'Train on 8 Irish tunes, then sample a melody.', position: { x: 0, y: 200 }, size: { width: 240, height: 70 } });
  p.groups.push({ id: 'g1', title: 'Symbolic', nodes: ['n1', 'n2', 'n3'] });
  return p;
}

/** Specs of the Markov pipeline. */
export const markovSpecs: Spec[] = [
  {
    name: 'a Markov patch trains, generates and renders audio, with its previews in the viewer',
    path: sharePath(markovPatch()),
    async run({ page, shot }) {
      await idle(page);
      const st = await statuses(page, ['n1', 'n2', 'n3', 'n4', 'n5']);
      expect(st.every((s) => s === 'done' || s === 'cached'), `statuses: ${st.join(', ')}`);
      expect(await page.evaluate(() => window.__genpatch!.lastRenderPeak()) > 0.01, 'silent output');
      await selectNode(page, 'n2');
      await page.getByTestId('tab-viewer').click();
      await page.waitForSelector('.gp-viewer canvas');
      const kinds = await page.locator('.gp-viewer figcaption small').allTextContents();
      expect(kinds.includes('heatmap'), `the trainer shows no transition heatmap (${kinds.join(', ')})`);
      await shot('08-markov-viewer');
    },
  },
];
