/** Param edits re-run the patch; undo/redo restore them. */
import { idle, nodeSel, selectNode } from './helpers';
import { melodyPatch, sharePath } from './patches';
import { expect, type Spec } from './spec';

const genParams = (page: import('playwright-core').Page) =>
  page.evaluate(() => window.__genpatch!.nodes().find((n) => n.id === 'n2')!.params);

/** Specs of params and history. */
export const paramSpecs: Spec[] = [
  {
    name: 'a param change re-runs only what depends on it',
    path: sharePath(melodyPatch()),
    async run({ page, shot }) {
      await idle(page);
      const runsBefore = await page.evaluate(() => window.__genpatch!.runs());
      const peakBefore = await page.evaluate(() => window.__genpatch!.lastRenderPeak());
      await selectNode(page, 'n2');
      const entry = page.locator('[data-param="semitones"] .gp-number-entry');
      await entry.fill('7');
      await entry.press('Enter');
      await idle(page);
      const runsAfter = await page.evaluate(() => window.__genpatch!.runs());
      expect(runsAfter > runsBefore, 'no run followed the param change');
      expect(await page.evaluate(() => window.__genpatch!.status('n1')) === 'cached', 'the upstream clip re-ran instead of being cached');
      expect(await page.evaluate(() => window.__genpatch!.status('n2')) === 'done', 'the transpose did not re-run');
      expect(await page.evaluate(() => window.__genpatch!.status('n3')) === 'done', 'the synth did not re-render');
      const peakAfter = await page.evaluate(() => window.__genpatch!.lastRenderPeak());
      expect(peakAfter > 0.01 && peakBefore > 0.01, `silent output (${peakBefore} → ${peakAfter})`);
      await page.getByTestId('tab-viewer').click();
      await page.waitForSelector('.gp-viewer canvas');
      await shot('04-viewer-after-param-change');
    },
  },
  {
    name: 'undo and redo restore params and nodes',
    path: sharePath(melodyPatch()),
    async run({ page }) {
      await idle(page);
      await selectNode(page, 'n2');
      const entry = page.locator('[data-param="semitones"] .gp-number-entry');
      await entry.fill('5');
      await entry.press('Enter');
      expect((await genParams(page)).semitones === 5, 'the typed semitones did not apply');
      await page.locator('.react-flow__pane').click({ position: { x: 160, y: 640 } });
      await page.keyboard.press('Control+z');
      expect((await genParams(page)).semitones === 0, 'undo did not restore semitones');
      await page.keyboard.press('Control+Shift+z');
      expect((await genParams(page)).semitones === 5, 'redo did not re-apply semitones');
      await selectNode(page, 'n2');
      await page.keyboard.press('Delete');
      expect(await page.locator(nodeSel('n2')).count() === 0, 'delete left the node');
      await page.getByTestId('undo').click();
      await page.waitForSelector(nodeSel('n2'));
      const edges = await page.evaluate(() => window.__genpatch!.edges().length);
      expect(edges === 3, `undoing the delete restored ${edges} of 3 connections`);
    },
  },
];
