/** Mouse-level helpers the specs share: add nodes from the palette, connect handles, drop files, wait for runs. */
import type { Page } from 'playwright-core';
import { expect } from './spec';

/** The node element of id `id`. */
export const nodeSel = (id: string): string => `.react-flow__node[data-id="${id}"]`;

/** Drags palette item `type` onto the canvas at canvas-relative (x, y); returns the new node id. */
export async function dragFromPalette(page: Page, type: string, x: number, y: number): Promise<string> {
  const before = await nodeIds(page);
  const item = page.locator(`.gp-palette-item[data-node-type="${type}"]`);
  expect(await item.count() === 1, `palette has no "${type}" entry`);
  await item.dragTo(page.getByTestId('canvas'), { targetPosition: { x, y } });
  await page.waitForFunction((n) => window.__genpatch!.nodes().length > n, before.length);
  const after = await nodeIds(page);
  const id = after.find((a) => !before.includes(a));
  expect(id, `dragging ${type} added no node`);
  await page.waitForSelector(nodeSel(id));
  return id;
}

/** Node ids of the patch, in order. */
export async function nodeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__genpatch!.nodes().map((n) => n.id));
}

/** Drags from output `fromPort` of `from` to input `toPort` of `to` with the mouse. */
export async function connect(page: Page, from: string, fromPort: string, to: string, toPort: string, release = true): Promise<void> {
  const src = page.locator(`${nodeSel(from)} .react-flow__handle.source[data-handleid="${fromPort}"]`);
  const dst = page.locator(`${nodeSel(to)} .react-flow__handle.target[data-handleid="${toPort}"]`);
  expect(await src.count() === 1, `${from} has no output handle "${fromPort}"`);
  expect(await dst.count() === 1, `${to} has no input handle "${toPort}"`);
  const a = (await src.boundingBox())!;
  const b = (await dst.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 6 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 6 });
  if (release) await page.mouse.up();
}

/** Waits until no run is pending or in flight. */
export async function idle(page: Page): Promise<void> {
  await page.waitForTimeout(200);
  await page.evaluate(() => window.__genpatch!.idle());
}

/** Statuses of the given nodes after the last run. */
export async function statuses(page: Page, ids: string[]): Promise<(string | undefined)[]> {
  return page.evaluate((list) => list.map((id) => window.__genpatch!.status(id)), ids);
}

/** Drops a file with `bytes` on the canvas at canvas-relative (x, y), as a user's drag from the desktop. */
export async function dropFile(page: Page, name: string, mime: string, bytes: Uint8Array, x = 500, y = 350): Promise<void> {
  const box = (await page.getByTestId('canvas').boundingBox())!;
  await page.evaluate(({ name, mime, data, cx, cy }) => {
    const file = new File([new Uint8Array(data)], name, { type: mime });
    const dt = new DataTransfer();
    dt.items.add(file);
    const target = document.querySelector('.react-flow__pane')!;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, clientX: cx, clientY: cy, bubbles: true, cancelable: true }));
    }
  }, { name, mime, data: [...bytes], cx: box.x + x, cy: box.y + y });
}

/** Selects a node by clicking its header. */
export async function selectNode(page: Page, id: string): Promise<void> {
  await page.locator(`${nodeSel(id)} .gp-node-header`).click();
}
