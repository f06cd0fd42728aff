/** Editing comfort: quick-add at the pointer, palette search with Enter, copy/paste, help overlay. */
import { nodeIds } from './helpers';
import { expect, type Spec } from './spec';

/** Specs of editing comfort. */
export const comfortSpecs: Spec[] = [
  {
    name: 'quick-add, palette search, duplicate and the help overlay',
    async run({ page, shot }) {
      const box = (await page.getByTestId('canvas').boundingBox())!;
      await page.mouse.dblclick(box.x + 300, box.y + 300);
      await page.getByTestId('quick-add').locator('input').fill('transpose');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => window.__genpatch!.nodes().length === 1);
      const [first] = await page.evaluate(() => window.__genpatch!.nodes());
      expect(first.type === 'notes.transpose', `quick-add made ${first.type}`);
      await page.locator('#palette-search').fill('note clip');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => window.__genpatch!.nodes().length === 2);
      await page.locator('.react-flow__pane').click({ position: { x: 40, y: 600 } });
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Control+d');
      await page.waitForFunction(() => window.__genpatch!.nodes().length === 4);
      expect(new Set(await nodeIds(page)).size === 4, 'duplicate reused ids');
      await page.keyboard.press('?');
      await page.getByTestId('help').waitFor();
      await shot('09-help-overlay');
      await page.keyboard.press('Escape');
      expect(await page.getByTestId('help').count() === 0, 'Escape did not close the help');
    },
  },
];
