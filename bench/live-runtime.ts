/**
 * Live mode's main-thread cost in headless Chromium: a patch where one rendered loop feeds N live
 * filters, each swept by its own LFO, plays for a few seconds; the page reports the mean and worst
 * time of a control frame (budget 16.7 ms), late events and stalled frames, then an edit re-renders
 * the loop and the time to apply the new clip (hand-over to its looper) is read. Stalled frames
 * count setInterval ticks that came over 50 ms late (the page was busy, e.g. rendering).
 * Usage: npm run bench -- live-runtime [pairs=10,100] [--seconds 8]
 */
import { createPatch, encodeShareLink } from '../src/engine/patch';
import type { Patch } from '../src/engine/patch/types';
import { BASE, build, launch, serve, stop } from '../tests/e2e/harness';

const counts = (process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : '10,100').split(',').map(Number);
const secondsAt = process.argv.indexOf('--seconds');
const seconds = secondsAt > 0 ? Number(process.argv[secondsAt + 1]) : 8;

/** A 2-bar loop into `n` LFO-swept filters, mixed to the output. */
function patchOf(n: number): Patch {
  const p = createPatch({ title: `live bench ${n}` });
  const rows = Math.ceil((2 * n) / 6);
  const add = (id: string, type: string, params: Record<string, unknown> = {}, exposed?: string[]) => {
    const k = p.nodes.length - 4;
    // the loop, its synth, the mix and the output sit in a column left of the LFO–filter grid, at mid height
    const position = k < 0 ? { x: -300, y: 260 * (Math.floor(rows / 2) + k) } : { x: 300 * (k % 6), y: 260 * Math.floor(k / 6) };
    p.nodes.push({ id, type, version: 1, position, params, ...(exposed ? { exposed } : {}) });
  };
  const link = (a: string, ap: string, b: string, bp: string) => p.edges.push({ id: `e${p.edges.length}`, from: { node: a, port: ap }, to: { node: b, port: bp } });
  add('clip', 'notes.clip', { text: 'C3/8 Eb3 G3 C4 G3 Eb3 C3/4 | C3/8 F3 Ab3 C4 Ab3 F3 C3/4', tempo: 120 });
  add('synth', 'instrument.poly', { oscillator: 'sawtooth', tail: 0.5, volume: -12 });
  add('mix', 'live.mix', { level: -20 });
  add('out', 'audio.output');
  link('clip', 'notes', 'synth', 'notes');
  link('mix', 'audio', 'out', 'audio');
  for (let i = 0; i < n; i++) {
    add(`lfo${i}`, 'live.lfo', { sync: false, rate: 0.5 + i / n, min: 200, max: 4000, curve: 'exponential' });
    add(`f${i}`, 'live.filter', {}, ['cutoff']);
    link('synth', 'audio', `f${i}`, 'audio');
    link(`lfo${i}`, 'value', `f${i}`, 'cutoff');
    link(`f${i}`, 'audio', 'mix', 'audio');
  }
  return p;
}

async function main(): Promise<void> {
  build();
  const server = await serve();
  const browser = await launch();
  const rows: string[] = [];
  try {
    for (const n of counts) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`${BASE}#${encodeShareLink(patchOf(n))}`);
      await page.waitForFunction(() => window.__genpatch !== undefined);
      await page.evaluate(() => window.__genpatch!.idle());
      await page.getByTestId('live-toggle').click();
      await page.waitForFunction(() => window.__genpatchLive!.enabled(), undefined, { timeout: 60_000 });
      await page.getByTestId('live-play').click();
      await page.waitForTimeout(seconds * 1000);
      const h = (await page.evaluate(() => window.__genpatchLive!.health()))!;
      await page.locator('.react-flow__controls-fitview').click();
      await page.locator('.react-flow__node[data-id="synth"]').click({ force: true });
      const entry = page.locator('[data-param="volume"] .gp-number-entry');
      await entry.fill('-15');
      await entry.press('Enter');
      await page.waitForFunction(() => window.__genpatchLive!.swaps().length > 0, undefined, { timeout: 60_000 });
      const after = (await page.evaluate(() => window.__genpatchLive!.health()))!;
      rows.push(`| ${n} | ${h.frameMs.toFixed(2)} / ${h.frameMaxMs.toFixed(1)} | ${h.longFrames} | ${h.lateEvents} | ${h.applyMaxMs.toFixed(1)} | ${after.applyMs.toFixed(1)} | ${h.latencyMs ?? '–'} |`);
      await page.close();
    }
  } finally {
    await browser.close();
    stop(server);
  }
  console.log(`Chromium, ${seconds} s of playback per row; a frame lasts 16.7 ms.`);
  console.log('| LFO → filter pairs | frame ms, mean / worst | stalled frames (> 50 ms) | late events | first apply ms (instances made) | apply of the edit\'s new clip ms | output latency ms |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(r);
}

void main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
