/**
 * Editor performance on a 500-node patch, in headless Chromium against the built app: time to open
 * the patch (navigation → every node in the store and painted), time until its first evaluation
 * ends, and frame times (median / p95, from requestAnimationFrame) while dragging a node and while
 * panning. Prints a table. Usage: npx tsx bench/editor-perf.ts [nodes=500]
 */
import type { Page } from 'playwright-core';
import { createPatch, encodeShareLink } from '../src/engine/patch';
import type { Patch } from '../src/engine/patch/types';
import { BASE, build, launch, serve, stop } from '../tests/e2e/harness';

/** Chains of a note clip followed by transposes, laid out on a grid. */
function bigPatch(count: number): Patch {
  const p = createPatch({ title: `${count} nodes` });
  const chain = 10;
  for (let i = 0; i < count; i++) {
    const row = Math.floor(i / chain);
    const col = i % chain;
    const id = `n${i + 1}`;
    p.nodes.push(col === 0
      ? { id, type: 'notes.clip', version: 1, position: { x: 0, y: row * 140 }, params: { text: `C4/8 E4 G4 C5 r/4 ${['D', 'F', 'A'][row % 3]}4/4` } }
      : { id, type: 'notes.transpose', version: 1, position: { x: col * 260, y: row * 140 }, params: { semitones: col } });
    if (col > 0) p.edges.push({ id: `e${i}`, from: { node: `n${i}`, port: 'notes' }, to: { node: id, port: 'notes' } });
  }
  return p;
}

/** Starts recording rAF intervals in the page. */
async function startFrames(page: Page): Promise<void> {
  // A string, so the bundler's helpers (tsx names functions) do not leak into the page.
  await page.evaluate(`(() => {
    window.__frames = []; window.__rec = true; let last = performance.now();
    const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__rec) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
}

/** Stops recording and returns median and p95 frame times in ms. */
async function stopFrames(page: Page): Promise<{ median: number; p95: number; frames: number }> {
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __rec: boolean };
    w.__rec = false;
    return w.__frames.slice(1);
  });
  const sorted = [...frames].sort((a, b) => a - b);
  const q = (f: number): number => sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))] ?? NaN;
  return { median: q(0.5), p95: q(0.95), frames: frames.length };
}

/** Drags with the mouse from (x, y) by (dx, dy) in `steps` moves. */
async function drag(page: Page, x: number, y: number, dx: number, dy: number, steps: number): Promise<void> {
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) await page.mouse.move(x + (dx * i) / steps, y + (dy * i) / steps);
  await page.mouse.up();
}

const OPEN_REPEATS = 5;

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 500);
  const path = `#${encodeShareLink(bigPatch(count))}`;
  build();
  const server = await serve();
  const browser = await launch();
  try {
    // Open the patch a few times in fresh pages (the machine may be shared): report median and best.
    const opens: { openMs: number; marks: string }[] = [];
    let page!: Page;
    for (let i = 0; i < OPEN_REPEATS; i++) {
      if (page) await page.close();
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      page = await context.newPage();
      const t0 = Date.now();
      await page.goto(BASE + path);
      await page.waitForFunction((n) => window.__genpatch?.nodes().length === n && document.querySelectorAll('.react-flow__node').length > 0, count);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const openMs = Date.now() - t0;
      const marks = await page.evaluate(() => [
        ...performance.getEntriesByType('mark').map((m) => `${m.name.replace('genpatch:', '')} ${m.startTime.toFixed(0)}`),
        `painted ${performance.now().toFixed(0)}`,
      ].join(', '));
      opens.push({ openMs, marks });
    }
    opens.sort((x, y) => x.openMs - y.openMs);
    const median = opens[Math.floor(opens.length / 2)];
    await page.waitForFunction(() => window.__genpatch!.runs() > 0, undefined, { timeout: 120_000 });
    await page.waitForTimeout(800);
    const onOpen = await page.locator('.react-flow__node').count();

    // Zoom to 1 around the first node so nodes are legible, as when editing.
    await page.keyboard.press('f');
    await page.waitForTimeout(1200);
    const rendered = await page.locator('.react-flow__node').count();
    const box = (await page.locator('.react-flow__node[data-id="n12"] .gp-node-header').boundingBox())!;
    await startFrames(page);
    await drag(page, box.x + 40, box.y + 10, 240, 160, 60);
    const dragFit = await stopFrames(page);

    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    await startFrames(page);
    await drag(page, canvas.x + canvas.width - 30, canvas.y + 150, -400, 250, 60);
    const panFit = await stopFrames(page);

    // The same gestures at zoom 1, where a few dozen nodes are visible and drawn in full.
    await page.keyboard.press('f');
    await page.waitForTimeout(400);
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    for (let i = 0; i < 6; i++) { await page.mouse.wheel(0, -300); await page.waitForTimeout(60); }
    await page.waitForTimeout(400);
    const zoom = await page.evaluate(() => getComputedStyle(document.querySelector('.react-flow__viewport')!).transform);
    const visible = await page.locator('.react-flow__node').count();
    const nb = await page.evaluate(() => {
      const r = document.querySelector('.react-flow__node-patch .gp-node-header')?.getBoundingClientRect();
      return r ? { x: r.x, y: r.y } : null;
    });
    if (!nb) throw new Error(`no node visible after zooming in (${visible} in the DOM)`);
    await startFrames(page);
    await drag(page, nb.x + 40, nb.y + 10, 200, 120, 60);
    const dragNear = await stopFrames(page);
    await startFrames(page);
    await drag(page, canvas.x + canvas.width - 30, canvas.y + 150, -400, 250, 60);
    const panNear = await stopFrames(page);

    console.log(`editor-perf: ${count} nodes, ${count - Math.ceil(count / 10)} edges, Chromium headless, 1440×900`);
    console.log('| measure | value |');
    console.log('| --- | --- |');
    console.log(`| open (navigation → patch in store, first nodes painted): median / best of ${OPEN_REPEATS} | ${median.openMs} / ${opens[0].openMs} ms |`);
    console.log(`| in-page timeline of the median open (ms since navigation) | ${median.marks} |`);
    console.log(`| nodes in the DOM on open (fit at zoom ≥ 0.5, off-screen nodes culled) | ${onOpen} |`);
    console.log(`| after F (fit view: every node visible), nodes in the DOM | ${rendered} |`);
    console.log(`| fit view: drag a node (60 moves), frame median / p95 | ${dragFit.median.toFixed(1)} / ${dragFit.p95.toFixed(1)} ms (${dragFit.frames} frames) |`);
    console.log(`| fit view: pan the canvas (60 moves), frame median / p95 | ${panFit.median.toFixed(1)} / ${panFit.p95.toFixed(1)} ms (${panFit.frames} frames) |`);
    console.log(`| zoomed in (${zoom}), nodes in the DOM | ${visible} |`);
    console.log(`| zoomed in: drag a node, frame median / p95 | ${dragNear.median.toFixed(1)} / ${dragNear.p95.toFixed(1)} ms (${dragNear.frames} frames) |`);
    console.log(`| zoomed in: pan, frame median / p95 | ${panNear.median.toFixed(1)} / ${panNear.p95.toFixed(1)} ms (${panNear.frames} frames) |`);
  } finally {
    await browser.close();
    stop(server);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
