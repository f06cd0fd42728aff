/**
 * DDSP in the built page: a melody performed as features, decoded by the shipped saxophone model
 * in the page's inference Worker and synthesized, renders non-silent audio with the decoder's
 * heatmap in the viewer; the timbre-transfer example, dropped as a file, runs with its embedded
 * flute clip; in live mode the DDSP instrument is played from the on-screen keyboard — on the audio
 * thread (the decoder and synth inside an AudioWorklet, no Worker), and with `?streams=worker` from
 * a Worker through the shared ring buffer — and the saxophone example plays with the LFO moving the
 * vibrato depth. The violin specs ("ddsp
 * violin: …") need public/models/ddsp-violin; `npx tsx tests/e2e/run.ts 'ddsp:'` runs the others.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { createRegistry } from '../../../nodes/index';
import { createPatch, loadPatch } from '../../../src/engine/patch';
import { ROOT } from '../harness';
import { dropFile, idle, nodeSel, selectNode, statuses } from './helpers';
import { sharePath } from './patches';
import { withTimeout } from './probes';
import { expect, type Spec } from './spec';

function ddspPatch() {
  const p = createPatch({ title: 'e2e DDSP', description: 'Notes → DDSP features → saxophone decoder → synth.' });
  const node = (id: string, type: string, x: number, params: Record<string, unknown> = {}) =>
    p.nodes.push({ id, type, version: 1, position: { x, y: 100 }, params });
  node('clip', 'notes.clip', 0, { text: 'D4/8 F4 A4/4 G4/8 E4 D4/2', tempo: 120 });
  node('features', 'ddsp.notes-features', 260);
  node('decoder', 'ddsp.decoder', 520, { instrument: 'sax' });
  node('synth', 'ddsp.synth', 780, { sampleRate: '16000' });
  node('out', 'audio.output', 1040);
  const edge = (id: string, a: string, ap: string, b: string, bp: string) => p.edges.push({ id, from: { node: a, port: ap }, to: { node: b, port: bp } });
  edge('e1', 'clip', 'notes', 'features', 'notes');
  edge('e2', 'features', 'features', 'decoder', 'features');
  edge('e3', 'decoder', 'controls', 'synth', 'controls');
  edge('e4', 'synth', 'audio', 'out', 'audio');
  return p;
}
const IDS = ['clip', 'features', 'decoder', 'synth', 'out'];

/** patches/ddsp-live-sax.genpatch.json as shipped. */
function liveSaxPatch() {
  const { patch } = loadPatch(readFileSync(resolve(ROOT, 'patches/ddsp-live-sax.genpatch.json'), 'utf8'), createRegistry());
  if (!patch) throw new Error('patches/ddsp-live-sax.genpatch.json does not load');
  return patch;
}

/** An on-screen keyboard playing a DDSP instrument, nothing else. */
function keyboardPatch(instrument: string) {
  const p = createPatch({ title: `e2e DDSP ${instrument} keys`, description: 'On-screen keys → DDSP instrument.' });
  p.nodes.push(
    { id: 'keys', type: 'live.keyboard', version: 1, position: { x: 0, y: 100 }, params: { octave: 4 } },
    { id: 'inst', type: 'ddsp.instrument', version: 1, position: { x: 420, y: 100 }, params: { instrument, sampleRate: '48000' } },
    { id: 'out', type: 'audio.output', version: 1, position: { x: 760, y: 100 }, params: {} },
  );
  p.edges.push(
    { id: 'e1', from: { node: 'keys', port: 'events' }, to: { node: 'inst', port: 'events' } },
    { id: 'e2', from: { node: 'inst', port: 'audio' }, to: { node: 'out', port: 'audio' } },
  );
  return p;
}

/** The loudest master-output sample over `ms`, read every 100 ms. */
async function peakOver(page: Page, ms: number): Promise<number> {
  let peak = 0;
  for (let t = 0; t < ms; t += 100) {
    await page.waitForTimeout(100);
    peak = Math.max(peak, await page.evaluate(() => window.__genpatchLive!.meterPeak()));
  }
  return peak;
}

/** Live mode on and playing, with the instance `id` running. */
async function goLive(page: Page, id: string): Promise<void> {
  await page.getByTestId('live-toggle').click();
  await page.waitForFunction(() => window.__genpatchLive!.enabled());
  await page.getByTestId('live-play').click();
  await page.waitForFunction(() => window.__genpatchLive!.playing());
  await page.waitForFunction((i) => window.__genpatchLive!.instances().includes(i), id, { timeout: 20_000 });
}

/** True when a DDSP stream Worker runs in the page. */
const ddspWorkerRuns = (page: Page): boolean => page.workers().some((w) => w.url().includes('ddspStreamWorker'));

/**
 * The live DDSP instrument of `instrument`, played from the on-screen keys: silent until a key is
 * held, heard while it is; on the audio thread, or from its Worker when `placement` is 'worker'.
 */
function keyboardSpec(instrument: string, pitch: number, name: string, placement: 'worklet' | 'worker' = 'worklet'): Spec {
  return {
    name,
    path: `${placement === 'worker' ? '?streams=worker' : ''}${sharePath(keyboardPatch(instrument))}`,
    async run({ page, shot }) {
      await idle(page);
      await goLive(page, 'inst');
      const isolated = await page.evaluate(() => globalThis.crossOriginIsolated);
      expect(isolated, 'the page is not cross-origin isolated: the stream would fall back from the shared ring buffer to messages');
      await page.waitForTimeout(1500); // the model is loaded, checked and warmed up
      await page.evaluate(() => window.__genpatchLive!.meterPeak()); // a fresh meter window
      const before = await peakOver(page, 600);
      const key = page.locator(`${nodeSel('keys')} [data-note="${pitch}"]`);
      expect(await key.count() === 1, `the keyboard node draws no key ${pitch}`);
      await key.hover();
      await page.mouse.down();
      const held = await peakOver(page, 1200);
      await shot(`31-ddsp-${instrument}-keys${placement === 'worker' ? '-worker' : ''}`);
      await page.mouse.up();
      const problems = await page.evaluate(() => window.__genpatchLive!.problems());
      expect(problems.length === 0, `live problems: ${JSON.stringify(problems)}`);
      const workers = page.workers().map((w) => w.url()).join(', ');
      if (placement === 'worker') expect(ddspWorkerRuns(page), `no DDSP stream Worker runs (workers: ${workers})`);
      else expect(!ddspWorkerRuns(page), `the instrument runs in a Worker, not on the audio thread (workers: ${workers})`);
      expect(held > 0.02, `the live ${instrument} is silent while key ${pitch} is held (meter peak ${held})`);
      expect(before < held / 20, `the live ${instrument} sounds before any key is pressed (peak ${before}, held ${held})`);
    },
  };
}

/** Opens patches/<file> by dropping it on the canvas and checks that it renders sound. */
function exampleSpec(file: string, name: string): Spec {
  return {
    name,
    async run({ page }) {
      const bytes = readFileSync(resolve(ROOT, 'patches', file));
      await dropFile(page, file, 'application/json', new Uint8Array(bytes));
      await page.waitForFunction(() => window.__genpatch!.nodes().some((n) => n.type.startsWith('ddsp.')));
      await withTimeout(idle(page), 120_000, `${file} did not finish rendering`);
      const states = await page.evaluate(() => window.__genpatch!.nodeStates());
      expect(states.every((s) => s.status === 'done' || s.status === 'cached'), `states: ${JSON.stringify(states)}`);
      const peak = await page.evaluate(() => window.__genpatch!.lastRenderPeak());
      expect(peak > 0.01, `silent output (peak ${peak})`);
    },
  };
}

/** Specs of the DDSP nodes. */
export const ddspSpecs: Spec[] = [
  {
    name: 'ddsp: notes → features → saxophone decoder → synth renders in the page, with the harmonic heatmap',
    path: sharePath(ddspPatch()),
    async run({ page, shot }) {
      await idle(page);
      const st = await statuses(page, IDS);
      const states = await page.evaluate(() => window.__genpatch!.nodeStates());
      expect(st.every((s) => s === 'done' || s === 'cached'), `statuses: ${JSON.stringify(states)}`);
      const peak = await page.evaluate(() => window.__genpatch!.lastRenderPeak());
      expect(peak > 0.01, `silent output (peak ${peak})`);
      await selectNode(page, 'decoder');
      await page.getByTestId('tab-viewer').click();
      await page.waitForSelector('.gp-viewer canvas');
      const kinds = await page.locator('.gp-viewer figcaption small').allTextContents();
      expect(kinds.includes('heatmap'), `the decoder shows no heatmap (${kinds.join(', ')})`);
      await shot('30-ddsp-decoder-viewer');
    },
  },
  exampleSpec('ddsp-timbre-transfer.genpatch.json', 'ddsp: the timbre-transfer example (flute → saxophone) opens from its file and sounds'),
  keyboardSpec('sax', 67, 'ddsp: live, the saxophone plays from the on-screen keyboard, decoded on the audio thread'),
  keyboardSpec('sax', 67, 'ddsp: live, with ?streams=worker the saxophone plays from its Worker through the shared ring', 'worker'),
  {
    name: 'ddsp: live, the saxophone plays on the audio thread and the LFO moves its vibrato depth',
    path: sharePath(liveSaxPatch()),
    async run({ page, shot }) {
      await idle(page);
      await goLive(page, 'sax');
      await page.evaluate(() => window.__genpatchLive!.meterPeak()); // start a fresh meter window
      const depths: number[] = [];
      let peak = 0;
      for (let i = 0; i < 12; i++) {
        await page.waitForTimeout(500);
        depths.push(await page.evaluate(() => window.__genpatchLive!.values('sax')?.driven.vibratoDepth ?? NaN));
        peak = Math.max(peak, await page.evaluate(() => window.__genpatchLive!.meterPeak()));
      }
      const problems = await page.evaluate(() => window.__genpatchLive!.problems());
      expect(problems.length === 0, `live problems: ${JSON.stringify(problems)}`);
      expect(peak > 0.01, `the live saxophone is silent (meter peak ${peak})`);
      expect(!ddspWorkerRuns(page), 'the saxophone runs in a Worker, not on the audio thread');
      const moved = Math.max(...depths) - Math.min(...depths);
      expect(moved > 5, `the LFO did not move the vibrato depth: ${depths.map((d) => d.toFixed(1)).join(', ')}`);
      // Every LFO step is a control change the stream times: the transport shows their latency.
      const heard = (await page.evaluate(() => window.__genpatchLive!.health()))?.streamLatency;
      expect(heard !== null && heard !== undefined && heard.count > 50 && heard.p50Ms > 0 && heard.p95Ms >= heard.p50Ms,
        `the stream's control latencies are not reported: ${JSON.stringify(heard)}`);
      const badge = (await page.getByTestId('live-stream-latency').textContent()) ?? '';
      expect(/^stream \d+ ms$/.test(badge), `the transport's stream latency badge reads "${badge}"`);
      await shot('32-ddsp-live-sax-playing');
    },
  },
  {
    name: 'ddsp: live, a decoder that cannot load is reported as failed, naming the node, not as one that cannot keep up',
    path: sharePath(liveSaxPatch()),
    allowErrors: [/status of 404/], // the model's files, refused on purpose
    async run({ page }) {
      await page.route('**/models/ddsp-sax/**', (route) => route.fulfill({ status: 404, body: 'gone' }));
      await idle(page);
      await page.getByTestId('live-toggle').click();
      await page.waitForFunction(() => window.__genpatchLive!.enabled());
      await page.waitForFunction(() => window.__genpatchLive!.problems().length > 0, undefined, { timeout: 30_000 });
      const problems = await page.evaluate(() => window.__genpatchLive!.problems());
      expect(problems.length === 1 && problems[0].nodeId === 'sax' && problems[0].kind === 'error', `problems: ${JSON.stringify(problems)}`);
      expect(/failed: .*sax/.test(problems[0].message) && !problems[0].message.includes('keep up'), `message: ${problems[0].message}`);
      const badge = (await page.getByTestId('live-failed').textContent()) ?? '';
      expect(badge.startsWith('failed:'), `the transport's badge reads "${badge}"`);
      expect(await page.getByTestId('live-slow').count() === 0, 'the failed node is also shown as one that cannot keep up');
    },
  },
  {
    name: 'ddsp: live, a decoder the audio thread cannot run (the fixture GRU, served as the saxophone) plays from a Worker, saying why',
    path: sharePath(keyboardPatch('sax')),
    async run({ page }) {
      const fixture = resolve(ROOT, 'tests/fixtures/models/tiny-ddsp');
      await page.route('**/models/ddsp-sax/*', (route) => {
        const file = new URL(route.request().url()).pathname.split('/').pop()!;
        const bytes = readFileSync(resolve(fixture, file));
        const body = file === 'manifest.json' ? JSON.stringify({ ...JSON.parse(bytes.toString('utf8')), id: 'ddsp-sax' }) : bytes;
        return route.fulfill({ status: 200, body, contentType: file.endsWith('.json') ? 'application/json' : 'application/octet-stream' });
      });
      const warnings: string[] = [];
      page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
      await idle(page);
      await goLive(page, 'inst');
      await page.waitForTimeout(1500);
      await page.evaluate(() => window.__genpatchLive!.meterPeak());
      const key = page.locator(`${nodeSel('keys')} [data-note="67"]`);
      await key.hover();
      await page.mouse.down();
      const held = await peakOver(page, 1200);
      await page.mouse.up();
      const problems = await page.evaluate(() => window.__genpatchLive!.problems());
      expect(problems.length === 0, `live problems: ${JSON.stringify(problems)}`);
      expect(ddspWorkerRuns(page), 'the refused decoder does not play from a Worker');
      expect(warnings.some((w) => w.includes('runs in a Worker, not on the audio thread') && w.includes('no f0_mlp layers')), `no warning says why: ${warnings.join(' | ')}`);
      expect(held > 0.005, `the fixture decoder is silent from its Worker (meter peak ${held})`);
    },
  },
  exampleSpec('ddsp-violin-markov.genpatch.json', 'ddsp violin: the Markov-reel example opens from its file and sounds'),
  keyboardSpec('violin', 72, 'ddsp violin: live, the violin plays from the on-screen keyboard, decoded on the audio thread'),
];
