/**
 * Interactive evolution in the browser: a ga.evolve node in interactive mode is rated candidate by
 * candidate in the side panel; "Next generation" writes the ratings into its params as one undo step.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { SHOTS } from '../harness';
import { connect, dragFromPalette, idle, selectNode, statuses } from './helpers';
import { expect, type Spec } from './spec';

const RATINGS = [3, 5, 1, 4, 2, 2, 5, 1];

const gaParams = (page: Page, id: string) =>
  page.evaluate((nodeId) => window.__genpatch!.nodes().find((n) => n.id === nodeId)!.params, id);

const generation = (page: Page) => page.getByTestId('ga-generation').textContent();

/** Waits until the panel's generation counter reads `n`. */
async function waitForGeneration(page: Page, n: number): Promise<void> {
  await page.waitForFunction((want) => document.querySelector('[data-testid="ga-generation"]')?.textContent === String(want), n, { timeout: 10_000 })
    .catch(async () => { throw new Error(`the generation counter reads ${await generation(page)}, expected ${n}`); });
}

/** Specs of the interactive GA rating panel. */
export const gaRatingSpecs: Spec[] = [
  {
    name: 'gaRating: rates interactive GA candidates, breeds the next generation, and undo reverts it',
    async run({ page, shot }) {
      const ga = await dragFromPalette(page, 'ga.evolve', 80, 160);
      const synth = await dragFromPalette(page, 'instrument.poly', 380, 160);
      const out = await dragFromPalette(page, 'audio.output', 380, 420);
      await connect(page, ga, 'best', synth, 'notes');
      await connect(page, synth, 'audio', out, 'audio');
      await selectNode(page, ga);
      await page.locator('[data-param="interactive"] input[type="checkbox"]').check();
      expect((await gaParams(page, ga)).interactive === true, 'the interactive toggle did not set the param');
      await idle(page);

      await page.getByTestId('tab-viewer').click();
      await page.getByTestId('ga-panel').waitFor();
      await waitForGeneration(page, 0);
      const cards = page.locator('.gp-ga-card');
      expect(await cards.count() === RATINGS.length, `expected ${RATINGS.length} candidates (the show param), saw ${await cards.count()}`);
      expect(await page.locator('.gp-ga-card canvas.preview-canvas').count() === RATINGS.length, 'a candidate has no piano roll');
      expect(await page.getByTestId('ga-next').isDisabled(), 'Next generation is enabled before any rating');

      for (const [i, r] of RATINGS.entries()) await page.getByTestId(`ga-rate-${i}-${r}`).click();
      expect(await page.getByTestId('ga-rated').textContent() === `${RATINGS.length} of ${RATINGS.length} rated`, 'the rated counter is wrong');
      expect(await page.getByTestId(`ga-rate-2-1`).getAttribute('aria-checked') === 'true', 'the 1-star rating of candidate 3 is not checked');
      await page.getByTestId('ga-play-1').click();
      await page.waitForSelector('[data-testid="ga-candidate-1"].playing');
      let heard = 0;
      for (let i = 0; i < 30 && heard < 0.01; i++) {
        await page.waitForTimeout(100);
        heard = Math.max(heard, await page.evaluate(() => window.__genpatch!.meterPeak()));
      }
      expect(heard > 0.01, `playing candidate 2 was silent (peak ${heard})`);

      await shot('10-ga-rating');
      await page.locator('.gp-side').screenshot({ path: resolve(SHOTS, '10-ga-rating-panel.png') });
      await page.getByTestId('ga-play-1').click();
      await page.waitForSelector('[data-testid="ga-candidate-1"]:not(.playing)');

      const before = await gaParams(page, ga);
      const runsBefore = await page.evaluate(() => window.__genpatch!.runs());
      await page.getByTestId('ga-next').click();
      await waitForGeneration(page, 1);
      await idle(page);
      const after = await gaParams(page, ga);
      expect(after.ratings === RATINGS.join(','), `the ratings param reads "${after.ratings}"`);
      expect(typeof after.state === 'string' && after.state.startsWith('ga1.melody.16.0.'), `the state param is not generation 0's population: ${String(after.state).slice(0, 30)}`);
      expect(!before.state && !before.ratings, 'the params held a population before the first step');
      expect(await page.evaluate(() => window.__genpatch!.runs()) > runsBefore, 'no run followed Next generation');
      const st = await statuses(page, [ga, synth, out]);
      expect(st.every((s) => s === 'done' || s === 'cached'), `statuses after breeding: ${st.join(', ')}`);
      expect(await page.getByTestId('ga-rated').textContent() === `0 of ${RATINGS.length} rated`, 'the ratings were not cleared for the new generation');
      expect((await page.evaluate(() => window.__genpatch!.patchText())).includes(RATINGS.join(',')), 'the saved patch lacks the ratings');
      await page.locator('.gp-side').screenshot({ path: resolve(SHOTS, '11-ga-next-generation-panel.png') });

      await page.getByTestId('undo').click();
      await waitForGeneration(page, 0);
      const undone = await gaParams(page, ga);
      expect(!undone.ratings && !undone.state, `undo left ratings "${undone.ratings}" and state "${String(undone.state).slice(0, 20)}"`);
      expect((await gaParams(page, ga)).interactive === true, 'undo went past the breeding step');
      await page.getByTestId('redo').click();
      await waitForGeneration(page, 1);

      // A genome shape that no longer fits the population fails the node; Start over recovers.
      await page.getByTestId('tab-inspector').click();
      const steps = page.locator('[data-param="steps"] .gp-number-entry');
      await steps.fill('8');
      await steps.press('Enter');
      await page.getByTestId('tab-viewer').click();
      await idle(page);
      const error = await page.getByTestId('ga-error').textContent({ timeout: 5000 });
      expect(error?.includes('clear the state param'), `the panel shows no state error: ${error}`);
      await page.locator('.gp-side').screenshot({ path: resolve(SHOTS, '12-ga-state-error-panel.png') });
      await page.getByTestId('ga-start-over').click();
      await waitForGeneration(page, 0);
      expect(await page.locator('[data-testid="ga-error"]').count() === 0, 'the error stayed after Start over');
      expect((await gaParams(page, ga)).state === '', 'Start over kept the state');
    },
  },
];
