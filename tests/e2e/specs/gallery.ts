/**
 * The examples gallery: every patch of patches/ is listed with its title and description, and each
 * one opens, runs without a failed node and sounds. All examples open in one page, one after the
 * other, so the suite pays for one page load; the layout of each is checked for overlapping nodes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../harness';
import { idle } from './helpers';
import { withTimeout } from './probes';
import { expect, type Spec } from './spec';

/** One example patch as the repository holds it. */
interface ExampleFile { file: string; title: string; description: string; nodes: number }

/** Screenshots are taken of these examples (the ones present). */
const SHOWN = ['first-patch.genpatch.json', 'hybrid-ca-rhythm-markov-chords.genpatch.json', 'ga-markov-fitness.genpatch.json'];
/** Longest wait for one example to open and finish its run. */
const RUN_LIMIT_MS = 90_000;

function exampleFiles(): ExampleFile[] {
  const dir = resolve(ROOT, 'patches');
  return readdirSync(dir).filter((f) => f.endsWith('.genpatch.json')).sort().map((file) => {
    const doc = JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as { meta: { title: string; description?: string }; nodes: unknown[] };
    return { file, title: doc.meta.title, description: doc.meta.description ?? '', nodes: doc.nodes.length };
  });
}

/** Boxes (in page pixels) of the patch nodes and comments on the canvas, with their ids. */
async function nodeBoxes(page: Page): Promise<{ id: string; x: number; y: number; w: number; h: number }[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.react-flow__node-patch, .react-flow__node-comment')].map((el) => {
    const r = el.getBoundingClientRect();
    return { id: el.dataset.id ?? '?', x: r.x, y: r.y, w: r.width, h: r.height };
  }));
}

/** Pairs of boxes overlapping by more than `slack` pixels both ways, as "a/b" strings. */
function overlaps(boxes: { id: string; x: number; y: number; w: number; h: number }[], slack = 4): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (dx > slack && dy > slack) out.push(`${a.id}/${b.id}`);
    }
  }
  return out;
}

/** Opens example `ex` from the gallery, waits for its run and checks that it ran and sounds. */
async function openAndCheck(page: Page, ex: ExampleFile): Promise<void> {
  await page.getByTestId('examples').click();
  await page.locator(`[data-example="${ex.file}"]`).click();
  await page.getByTestId('gallery').waitFor({ state: 'detached' });
  await page.waitForFunction(({ n, title }) => window.__genpatch!.nodes().length === n
    && document.querySelector('[data-testid="patch-title"]')?.textContent?.startsWith(title), { n: ex.nodes, title: ex.title });
  await withTimeout(idle(page), RUN_LIMIT_MS, `${ex.file} did not finish its run in ${RUN_LIMIT_MS / 1000} s`);
  const states = await page.evaluate(() => window.__genpatch!.nodeStates());
  const bad = states.filter((s) => s.status === 'failed' || s.status === 'cancelled');
  expect(bad.length === 0, `${ex.file}: ${bad.map((s) => `${s.id} (${s.type}) ${s.status}: ${s.error ?? ''}`).join('; ')}`);
  const outputs = states.filter((s) => s.type === 'audio.output');
  expect(outputs.length > 0 && outputs.every((s) => s.status === 'done' || s.status === 'cached'),
    `${ex.file}: the audio output did not run (${outputs.map((s) => `${s.id} ${s.status}`).join(', ') || 'no audio.output node'})`);
  const peak = await page.evaluate(() => window.__genpatch!.lastRenderPeak());
  expect(peak > 0, `${ex.file}: the output audio is silent`);
}

/** Specs of the examples gallery. */
export const gallerySpecs: Spec[] = [
  {
    name: 'the gallery lists every example patch, and each one opens, runs and sounds',
    async run({ page, shot }) {
      const examples = exampleFiles();
      expect(examples.length > 0, 'patches/ holds no example patches');
      await page.getByTestId('examples').click();
      await page.getByTestId('gallery').waitFor();
      const listed = await page.locator('[data-example]').count();
      expect(listed === examples.length, `the gallery lists ${listed} patches, patches/ holds ${examples.length}`);
      for (const ex of examples) {
        const entry = page.locator(`[data-example="${ex.file}"]`);
        expect(await entry.count() === 1, `the gallery does not list ${ex.file}`);
        const title = await entry.locator('.gp-gallery-title').textContent();
        const description = await entry.locator('.gp-gallery-description').textContent();
        expect(title === ex.title, `${ex.file}: the gallery shows the title "${title}", the patch has "${ex.title}"`);
        expect(ex.description !== '' && description === ex.description, `${ex.file}: the gallery shows the description "${description}"`);
      }
      await shot('20-gallery');
      await page.keyboard.press('Escape');

      const layoutNotes: string[] = [];
      for (const ex of examples) {
        await openAndCheck(page, ex);
        // As opened (fit at zoom ≥ 0.5, node previews drawn), then fitted whole to measure every node.
        if (SHOWN.includes(ex.file)) await shot(`21-example-${ex.file.replace('.genpatch.json', '')}`);
        await page.keyboard.press('f');
        await page.waitForTimeout(350);
        const boxes = await nodeBoxes(page);
        expect(boxes.length >= ex.nodes, `${ex.file}: ${boxes.length} of ${ex.nodes} nodes are drawn after fitting the view`);
        const crowded = overlaps(boxes);
        if (crowded.length) layoutNotes.push(`${ex.file}: ${crowded.join(', ')}`);
      }
      if (layoutNotes.length) console.log(`     note: overlapping nodes after fit view — ${layoutNotes.join(' | ')}`);
    },
  },
];
