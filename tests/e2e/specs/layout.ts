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
  {
    name: 'keeps every top-bar control on screen, wrapping the bar where the window is narrow',
    async run({ page }) {
      for (const width of [1440, 1280, 1024]) {
        await page.setViewportSize({ width, height: 900 });
        const off = await page.evaluate(() => {
          const bar = document.querySelector('.gp-topbar')!;
          const right = bar.getBoundingClientRect().right;
          return [...bar.querySelectorAll('button, input, label')]
            .filter((el) => el.getBoundingClientRect().right > right + 0.5)
            .map((el) => el.textContent?.trim() || el.getAttribute('aria-label') || el.tagName);
        });
        expect(off.length === 0, `at ${width} px these top-bar controls stick out of the window: ${off.join(', ')}`);
        const toggle = await page.getByTestId('live-toggle').boundingBox();
        expect(toggle !== null && toggle.x + toggle.width <= width, `at ${width} px the Live toggle is off screen (${JSON.stringify(toggle)})`);
      }
      await page.setViewportSize({ width: 1440, height: 900 });
    },
  },
];
