/** The page opens with its palette, canvas, side panel, legend and transport. */
import { expect, type Spec } from './spec';

/** Layout specs. */
export const layoutSpecs: Spec[] = [
  {
    name: 'opens the editor',
    async run({ page, shot }) {
      for (const id of ['palette', 'canvas', 'inspector', 'legend', 'transport', 'run-controls']) {
        expect(await page.getByTestId(id).count() === 1, `missing ${id}`);
      }
      const items = await page.locator('.gp-palette-item').count();
      expect(items > 0, 'the palette lists no node types');
      await shot('01-empty-editor');
    },
  },
];
