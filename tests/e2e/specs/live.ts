/**
 * Live mode in the browser: a looping patch edited while it plays (the new clip swaps in at the
 * next bar, the recording has no gap and no click), an LFO moving a filter cutoff every frame, the
 * NaN guard muting and naming a node, and a recorded take exported as WAV and MIDI that carry the
 * patch.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { addAsset, createPatch, loadPatch } from '../../../src/engine/patch';
import { createRegistry } from '../../../nodes/index';
import type { Patch } from '../../../src/engine/patch/types';
import { extractPatchFromWav, readWav } from '../../../src/dsp/wav';
import { extractPatchFromMidi, readMidi } from '../../../src/music/midi';
import { idle, nodeSel, selectNode } from './helpers';
import { sharePath } from './patches';
import { withTimeout } from './probes';
import { analyseSwap, decodeTake, nanWavBytes } from './liveAudio';
import { expect, type Spec } from './spec';

type Edge = [string, string, string, string];

function build(title: string, nodes: [string, string, Record<string, unknown>, string[]?][], edges: Edge[]): Patch {
  const p = createPatch({ title, description: `${title} (e2e live spec).` });
  nodes.forEach(([id, type, params, exposed], i) => p.nodes.push({ id, type, version: 1, position: { x: (i % 4) * 300, y: Math.floor(i / 4) * 320 }, params, ...(exposed ? { exposed } : {}) }));
  edges.forEach(([a, ap, b, bp], i) => p.edges.push({ id: `e${i + 1}`, from: { node: a, port: ap }, to: { node: b, port: bp } }));
  return p;
}

/** An audio file whose samples turn NaN after half a second, beside a clean synth, each into its own output. */
function nanPatch(): Patch {
  const p = build('live nan', [
    ['bad', 'audio.file', { file: null }],
    ['badOut', 'audio.output', {}],
    ['clip', 'notes.clip', { text: 'C4/1', tempo: 120 }],
    ['synth', 'instrument.poly', { oscillator: 'triangle', sustain: 1, tail: 0.5 }],
    ['out', 'audio.output', {}],
  ], [['bad', 'audio', 'badOut', 'audio'], ['clip', 'notes', 'synth', 'notes'], ['synth', 'audio', 'out', 'audio']]);
  p.nodes[0].params.file = addAsset(p, 'nan.wav', 'audio/wav', nanWavBytes());
  return p;
}

/** A sustained sine, one note per 4/4 bar at 120 BPM (a 2 s loop). */
const loopPatch = (): Patch => build('live loop', [
  ['clip', 'notes.clip', { text: 'C4/1', tempo: 120 }],
  ['synth', 'instrument.poly', { oscillator: 'sine', attack: 0.01, decay: 0.1, sustain: 1, release: 0.3, tail: 0.5, volume: -6 }],
  ['out', 'audio.output', {}],
], [['clip', 'notes', 'synth', 'notes'], ['synth', 'audio', 'out', 'audio']]);

const live = (page: Page) => ({
  waitFor: (fn: string, timeout = 20_000) => page.waitForFunction(fn, undefined, { timeout }),
  beat: () => page.evaluate(() => window.__genpatchLive!.beat()),
});

async function startLive(page: Page, record: boolean): Promise<void> {
  await page.getByTestId('live-toggle').click();
  await live(page).waitFor('window.__genpatchLive.enabled()');
  if (record) await page.getByTestId('live-record').click();
  await page.getByTestId('live-play').click();
  await live(page).waitFor('window.__genpatchLive.playing()');
}

/** The live example patch of patches/, as shipped. */
function examplePatch(): Patch {
  const text = readFileSync('patches/live-performance.genpatch.json', 'utf8');
  const { patch } = loadPatch(text, createRegistry());
  if (!patch) throw new Error('patches/live-performance.genpatch.json does not load');
  return patch;
}

/** Specs of live mode. */
export const liveSpecs: Spec[] = [
  {
    name: 'live: a param edited while a loop plays swaps in at the next bar with no gap or click',
    path: sharePath(loopPatch()),
    async run({ page, shot }) {
      await withTimeout(idle(page), 60_000, 'the loop patch did not render');
      await startLive(page, true);
      await live(page).waitFor('window.__genpatchLive.beat() > 5');
      await selectNode(page, 'synth');
      const entry = page.locator('[data-param="volume"] .gp-number-entry');
      await entry.fill('-14');
      const editBeat = await live(page).beat();
      await entry.press('Enter');
      await live(page).waitFor('window.__genpatchLive.swaps().length > 0', 30_000);
      const [swap] = await page.evaluate(() => window.__genpatchLive!.swaps());
      await live(page).waitFor(`window.__genpatchLive.beat() > ${swap.beat + 3}`);
      await shot('live-01-playing-after-swap');
      await page.getByTestId('live-record').click();
      await live(page).waitFor('window.__genpatchLive.take() !== null');
      await page.getByTestId('live-play').click();
      expect(swap.nodeId === 'synth', `the swap came from ${swap.nodeId}, not the edited synth`);
      expect(Math.abs(swap.beat / 4 - Math.round(swap.beat / 4)) < 0.01, `the swap fell at beat ${swap.beat.toFixed(3)}, not on a bar line`);
      expect(swap.beat > editBeat - 0.5, `the swap (beat ${swap.beat}) came before the edit (beat ${editBeat})`);
      const take = await decodeTake(page);
      const a = analyseSwap(take, swap.time);
      expect(a.gapRms > 0.2 * a.beforeRms, `the audio dropped out at the swap: ${a.gapRms.toFixed(4)} RMS against ${a.beforeRms.toFixed(4)} before`);
      expect(a.swapJump <= a.normalJump * 1.05, `a click at the swap: a sample-to-sample jump of ${a.swapJump.toFixed(4)} where the signal never changes by more than ${a.normalJump.toFixed(4)}`);
      expect(a.afterRms < 0.55 * a.beforeRms, `the edit (−6 → −14 dB) did not take: RMS ${a.beforeRms.toFixed(4)} before, ${a.afterRms.toFixed(4)} after`);
      const health = (await page.evaluate(() => window.__genpatchLive!.health()))!;
      console.log(`     swap at beat ${swap.beat.toFixed(2)} (edit at ${editBeat.toFixed(2)}); jump ${a.swapJump.toFixed(4)} ≤ ${a.normalJump.toFixed(4)}; RMS ${a.beforeRms.toFixed(3)} → ${a.afterRms.toFixed(3)}; late ${health.lateEvents}, latency ${health.latencyMs} ms, frame ${health.frameMs.toFixed(2)} ms, apply max ${health.applyMaxMs.toFixed(1)} ms`);
    },
  },
  {
    name: 'live: an LFO drives a filter cutoff every frame and the node shows the moving value',
    path: sharePath(build('live lfo', [
      ['clip', 'notes.clip', { text: '[C3 G3 C4]/1', tempo: 120 }],
      ['synth', 'instrument.poly', { oscillator: 'sawtooth', sustain: 1, tail: 0.5 }],
      ['filter', 'live.filter', { cutoff: 800, resonance: 6 }, ['cutoff']],
      ['lfo', 'live.lfo', { sync: false, rate: 2, min: 300, max: 3000, curve: 'exponential' }],
      ['out', 'audio.output', {}],
    ], [['clip', 'notes', 'synth', 'notes'], ['synth', 'audio', 'filter', 'audio'], ['lfo', 'value', 'filter', 'cutoff'], ['filter', 'audio', 'out', 'audio']])),
    async run({ page, shot }) {
      await withTimeout(idle(page), 60_000, 'the LFO patch did not render');
      await startLive(page, false);
      const seen: number[] = [];
      for (let i = 0; i < 24; i++) {
        const v = await page.evaluate(() => window.__genpatchLive!.values('filter')?.driven.cutoff);
        if (v !== undefined) seen.push(v);
        await page.waitForTimeout(40);
      }
      const distinct = new Set(seen.map((v) => Math.round(v))).size;
      expect(distinct > 8, `the cutoff took only ${distinct} values in a second (${seen.slice(0, 6).map((v) => v.toFixed(0)).join(', ')}…)`);
      expect(Math.min(...seen) < 900 && Math.max(...seen) > 1500, `the cutoff stayed within ${Math.min(...seen).toFixed(0)}–${Math.max(...seen).toFixed(0)} Hz`);
      const readout = page.locator(`${nodeSel('filter')} [data-live-value="d:cutoff"] .num`);
      const first = await readout.textContent();
      await page.waitForTimeout(150);
      expect(first !== await readout.textContent(), 'the filter node shows a cutoff that does not move');
      // The meter shows the latest block: poll it over up to 3 s (a loaded machine may start late).
      let heard = 0;
      for (let i = 0; i < 60 && heard <= 0.01; i++) {
        heard = Math.max(heard, await page.evaluate(() => window.__genpatchLive!.meterPeak()));
        if (heard <= 0.01) await page.waitForTimeout(50);
      }
      const problems = await page.evaluate(() => window.__genpatchLive!.problems());
      expect(heard > 0.01, `nothing heard through the filter in 3 s (peak ${heard}; problems: ${JSON.stringify(problems)})`);
      await shot('live-02-lfo-filter');
      await page.getByTestId('live-play').click();
    },
  },
  {
    name: 'live: the NaN guard mutes a node that emits NaN and names it',
    path: sharePath(nanPatch()),
    allowErrors: [/NaN/],
    async run({ page, shot }) {
      await withTimeout(idle(page), 60_000, 'the NaN patch did not render');
      await startLive(page, true);
      await live(page).waitFor('window.__genpatchLive.problems().some((p) => p.kind === "nan")', 15_000);
      const problems = await page.evaluate(() => window.__genpatchLive!.problems());
      const nan = problems.find((p) => p.kind === 'nan')!;
      expect(nan.nodeId === 'bad', `the NaN was blamed on ${nan.nodeId}, not the audio file node`);
      expect(/Audio file/.test(nan.message) && /muted/.test(nan.message), `the message does not name the node and say it is muted: ${nan.message}`);
      await page.waitForSelector('[data-testid="live-problem-bad"]');
      const badge = await page.getByTestId('live-nan').textContent();
      expect(/Audio file/.test(badge ?? ''), `the transport badge does not name the node: ${badge}`);
      await live(page).waitFor(`window.__genpatchLive.beat() > ${(await live(page).beat()) + 4}`);
      await page.getByTestId('live-record').click();
      await live(page).waitFor('window.__genpatchLive.take() !== null');
      await shot('live-03-nan-guard');
      await page.getByTestId('live-play').click();
      const take = await decodeTake(page);
      const bad = take.samples.filter((v) => !Number.isFinite(v)).length;
      expect(bad === 0, `${bad} NaN samples reached the recording`);
      let peak = 0;
      for (const v of take.samples) peak = Math.max(peak, Math.abs(v));
      expect(peak > 0.05, `the clean synth went silent with the muted node (peak ${peak})`);
    },
  },
  {
    name: 'live: a keyboard performance records and exports as WAV and MIDI with the patch embedded',
    path: sharePath(build('live keys', [
      ['keys', 'live.keyboard', { octave: 4 }],
      ['synth', 'live.synth', { cutoff: 4000 }],
      ['out', 'audio.output', {}],
    ], [['keys', 'events', 'synth', 'events'], ['synth', 'audio', 'out', 'audio']])),
    async run({ page, shot }) {
      await withTimeout(idle(page), 60_000, 'the keyboard patch did not render');
      await startLive(page, true);
      const key = page.locator(`${nodeSel('keys')} [data-note="60"]`);
      expect(await key.count() === 1, 'the keyboard node draws no C4 key');
      await key.hover();
      await page.mouse.down();
      await page.waitForTimeout(400);
      await page.mouse.up();
      await page.evaluate(() => window.__genpatchLive!.midi(1, 'on', 67, 0.9));
      await page.waitForTimeout(300);
      await page.evaluate(() => window.__genpatchLive!.midi(1, 'off', 67, 0));
      await page.waitForTimeout(500);
      await shot('live-04-keyboard');
      await page.getByTestId('live-record').click();
      await live(page).waitFor('window.__genpatchLive.take() !== null');
      await page.getByTestId('live-play').click();
      const patchText = await page.evaluate(() => window.__genpatch!.patchText());
      const [wavDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('live-export-wav').click()]);
      const wavBytes = new Uint8Array(readFileSync((await wavDownload.path())!));
      expect(extractPatchFromWav(wavBytes) === patchText, 'the exported WAV does not carry the patch');
      const clip = readWav(wavBytes);
      let peak = 0;
      for (const v of clip.channels[0]) peak = Math.max(peak, Math.abs(v));
      expect(clip.channels[0].length > clip.sampleRate && peak > 0.02, `the WAV holds ${clip.channels[0].length} frames, peak ${peak}`);
      const [midiDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('live-export-midi').click()]);
      const midiBytes = new Uint8Array(readFileSync((await midiDownload.path())!));
      expect(extractPatchFromMidi(midiBytes) === patchText, 'the exported MIDI does not carry the patch');
      const pitches = readMidi(midiBytes).notes.map((n) => n.pitch).sort();
      expect(pitches.join(',') === '60,67', `the MIDI holds pitches ${pitches.join(',')} instead of the played 60 and 67`);
    },
  },
  {
    name: 'live: the example patch plays: the LFO sweeps the loop, the XY pad and the keys play the lead',
    path: sharePath(examplePatch()),
    async run({ page, shot }) {
      await withTimeout(idle(page), 60_000, 'the example patch did not render');
      await startLive(page, false);
      await live(page).waitFor('window.__genpatchLive.values("sweep")?.driven.cutoff !== undefined');
      const pad = page.locator(`${nodeSel('tone')} .gp-live-xy-pad`);
      expect(await pad.count() === 1, 'the XY pad node draws no pad');
      const box = (await pad.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.95, box.y + box.height * 0.9, { steps: 8 });
      await page.mouse.up();
      await page.waitForTimeout(150);
      const params = await page.evaluate(() => window.__genpatch!.nodes().find((n) => n.id === 'tone')!.params);
      expect((params.x as number) > 0.85 && (params.y as number) < 0.2, `the pad drag did not move the pad's params: x ${params.x}, y ${params.y}`);
      const lead = await page.evaluate(() => window.__genpatchLive!.values('lead'));
      expect(lead !== null && lead.driven.cutoff > 5000 && lead.driven.resonance < 4, `the lead's cutoff and resonance did not follow the pad: ${JSON.stringify(lead)}`);
      const key = page.locator(`${nodeSel('keys')} [data-note="67"]`);
      await key.hover();
      await page.mouse.down();
      await page.waitForTimeout(300);
      const heard = await page.evaluate(() => window.__genpatchLive!.meterPeak());
      await page.mouse.up();
      expect(heard > 0.02, `nothing heard while the loop plays and a key is down (peak ${heard})`);
      const sweep: number[] = [];
      for (let i = 0; i < 10; i++) {
        sweep.push((await page.evaluate(() => window.__genpatchLive!.values('sweep')))!.driven.cutoff);
        await page.waitForTimeout(100);
      }
      expect(new Set(sweep.map(Math.round)).size > 5, `the sweep's cutoff does not move: ${sweep.map(Math.round).join(', ')}`);
      await shot('live-05-example-patch');
      await page.getByTestId('live-play').click();
    },
  },
];
