/**
 * Live I/O in Chromium, on the test page tests/e2e/pages/liveio.html: audio streamed from a Worker
 * through the AudioWorklet (shared ring and message fallback), Web MIDI through the web-midi-test
 * shim, and Chromium's fake microphone playing a known WAV.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { writeWav } from '../../../src/dsp/wav';
import { createPatch } from '../../../src/engine/patch';
import type { Patch } from '../../../src/engine/patch/types';
import { BASE, ROOT } from '../harness';
import { idle } from './helpers';
import { sharePath } from './patches';
import { withTimeout } from './probes';
import { expect, type Spec } from './spec';

/** Path of the test page under the served app. */
export const LIVEIO_PAGE = 'tests/e2e/pages/liveio.html';

declare global {
  interface Window {
    /** web-midi-test's global, and the virtual input the specs play. */
    WMT?: { midi: boolean; requestMIDIAccess: unknown; MidiSrc: new (name: string) => { connect(): void; emit(m: number[]): void } };
    __midiSrc?: { connect(): void; emit(m: number[]): void };
  }
}

/** Opens the test page in `context`; page errors are collected in the returned list. */
export async function openLiveIo(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.goto(BASE + LIVEIO_PAGE);
  await page.waitForFunction(() => window.__liveio !== undefined);
  return { page, errors };
}

/** Waits until the stream has played `seconds` of audio (counted in frames by the worklet, not by a clock). */
async function playFor(page: Page, seconds: number): Promise<void> {
  const wait = async (): Promise<void> => {
    while ((await page.evaluate(() => window.__liveio!.streamStats())).streamFrames < seconds * 48000) await page.waitForTimeout(100);
  };
  await withTimeout(wait(), seconds * 1000 + 30_000, `the stream did not play ${seconds} s of audio`);
}

/** The streaming spec for one transport. */
function streamSpec(transport: 'shared' | 'messages'): Spec {
  return {
    name: `live I/O: a worker-generated sine streams through the worklet without underruns (${transport})`,
    async run({ page }) {
      // The app page the harness opened becomes the test page, so nothing else competes for the CPU.
      await page.goto(BASE + LIVEIO_PAGE);
      await page.waitForFunction(() => window.__liveio !== undefined);
      expect(await page.evaluate(() => window.__liveio!.crossOriginIsolated), 'the test page is not cross-origin isolated (COOP/COEP headers missing)');
      const started = await page.evaluate((t) => window.__liveio!.startStream({ generator: 'sine', options: { frequency: 440, gain: 0.5 }, bufferFrames: 4096, transport: t }), transport);
      expect(started.transport === transport, `the stream used transport ${started.transport}`);
      // Half a second of warm-up (the page is still settling), then three seconds that must be free of underruns.
      await playFor(page, 0.5);
      const warm = await page.evaluate(() => window.__liveio!.streamStats());
      await playFor(page, 1);
      const before = await page.evaluate(() => window.__liveio!.streamMeter());
      const latency = await page.evaluate(() => window.__liveio!.control({ frequency: 660 }));
      await playFor(page, 3.5);
      const after = await page.evaluate(() => window.__liveio!.streamMeter());
      const stats = await page.evaluate(() => window.__liveio!.streamStats());
      const underruns = stats.underruns - warm.underruns;
      expect(underruns === 0, `after the warm-up the worklet filled ${underruns} quanta (${stats.underrunFrames - warm.underrunFrames} frames) with silence`);
      expect(Math.abs(before.frequency - 440) < 24, `the stream's loudest frequency is ${before.frequency} Hz, the generator plays 440 Hz`);
      expect(Math.abs(before.rms - 0.5 / Math.SQRT2) < 0.05, `the stream's RMS is ${before.rms}, a 0.5 sine has 0.354`);
      expect(latency.frames > 0 && Number.isFinite(latency.totalMs), `the control latency is ${JSON.stringify(latency)}`);
      expect(Math.abs(after.frequency - 660) < 24, `after the control change the loudest frequency is ${after.frequency} Hz, not 660`);
      expect(stats.producer !== null && stats.producer.blocks * 128 >= stats.streamFrames, 'the worker reported no block timings');
      console.log(`     ${transport}: control → first sample ${latency.ms.toFixed(1)} ms + output ${latency.outputMs.toFixed(1)} ms = ${latency.totalMs.toFixed(1)} ms;`
        + ` generate ${stats.producer!.meanMs.toFixed(3)} ms per 128 frames (max ${stats.producer!.maxMs.toFixed(2)}); warm-up underruns ${warm.underruns}`);
      await page.evaluate(() => window.__liveio!.stopStream());
    },
  };
}

/** Adds web-midi-test to the page before its scripts run, with one connected virtual input. */
async function installMidiShim(context: BrowserContext, allowed: boolean): Promise<void> {
  await context.addInitScript({ path: resolve(ROOT, 'node_modules/web-midi-test/wmt.js') });
  await context.addInitScript(`
    WMT.midi = ${allowed};
    Object.defineProperty(navigator, 'requestMIDIAccess', { value: WMT.requestMIDIAccess, configurable: true });
    window.__midiSrc = new WMT.MidiSrc('genpatch test keys');
    window.__midiSrc.connect();
  `);
}

const midiSpec: Spec = {
  name: 'live I/O: a note-on from the Web MIDI shim reaches the MIDI input adapter',
  async run({ browser }) {
    const context = await browser.newContext();
    try {
      await installMidiShim(context, true);
      const { page, errors } = await openLiveIo(context);
      const opened = await page.evaluate(() => window.__liveio!.openMidi());
      expect(opened.status === 'ready' && opened.ports.includes('genpatch test keys'), `MIDI input: ${JSON.stringify(opened)}`);
      await page.waitForTimeout(50); // the shim opens the port asynchronously
      await page.evaluate(() => { window.__midiSrc!.emit([0x90, 60, 100]); window.__midiSrc!.emit([0xb0, 74, 127]); window.__midiSrc!.emit([0x80, 60, 0]); });
      await page.waitForFunction(() => window.__liveio!.midiEvents.length >= 3);
      const events = await page.evaluate(() => window.__liveio!.midiEvents.map(({ time: _t, port: _p, ...e }) => e));
      expect(JSON.stringify(events) === JSON.stringify([
        { type: 'noteon', channel: 0, note: 60, velocity: 100 / 127 },
        { type: 'cc', channel: 0, controller: 74, value: 1 },
        { type: 'noteoff', channel: 0, note: 60, velocity: 0 },
      ]), `the adapter got ${JSON.stringify(events)}`);
      expect(errors.length === 0, `the test page reported errors:\n  ${errors.join('\n  ')}`);
    } finally {
      await context.close();
    }
    const denied = await browser.newContext();
    try {
      await installMidiShim(denied, false);
      const { page } = await openLiveIo(denied);
      const opened = await page.evaluate(() => window.__liveio!.openMidi());
      expect(opened.status === 'denied' && /permission was refused/.test(opened.message), `with MIDI refused the adapter says ${JSON.stringify(opened)}`);
    } finally {
      await denied.close();
    }
  },
};

/** A second Chromium whose fake capture device plays a WAV: a 523.25 Hz sine at 0.5, 48 kHz; permission is granted. */
async function launchWithFakeMic(browser: Browser): Promise<Browser> {
  const rate = 48000;
  const tone = Float32Array.from({ length: rate * 2 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 523.25 * i) / rate));
  const wav = join(mkdtempSync(join(tmpdir(), 'genpatch-mic-')), 'mic.wav');
  writeFileSync(wav, writeWav({ sampleRate: rate, channels: [tone] }));
  return browser.browserType().launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--autoplay-policy=no-user-gesture-required', '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${wav}`],
  });
}

const micSpec: Spec = {
  name: 'live I/O: the fake microphone delivers its signal to the input',
  async run({ browser }) {
    const micBrowser = await launchWithFakeMic(browser);
    try {
      const { page, errors } = await openLiveIo(await micBrowser.newContext());
      const opened = await page.evaluate(() => window.__liveio!.openMic());
      expect(opened.status === 'ready', `the microphone did not open: ${JSON.stringify(opened)}`);
      await withTimeout(page.waitForFunction(() => window.__liveio!.micMeter().rms > 0.05, undefined, { polling: 100 }), 20_000, 'the microphone stayed silent');
      const meter = await page.evaluate(() => window.__liveio!.micMeter());
      expect(Math.abs(meter.frequency - 523.25) < 24, `the microphone's loudest frequency is ${meter.frequency} Hz, the fake device plays 523 Hz`);
      expect(meter.peak > 0.2, `the microphone's peak is ${meter.peak}`);
      console.log(`     microphone "${opened.label}": rms ${meter.rms.toFixed(3)}, loudest ${meter.frequency.toFixed(0)} Hz`);
      expect(errors.length === 0, `the test page reported errors:\n  ${errors.join('\n  ')}`);
    } finally {
      await micBrowser.close();
    }
  },
};

/** live.microphone → live.follower (and the output), as a shared patch. */
function micFollowerPatch(): Patch {
  const p = createPatch({ title: 'live mic', description: 'live mic (e2e live I/O spec).' });
  p.nodes.push(
    { id: 'mic', type: 'live.microphone', version: 1, position: { x: 0, y: 0 }, params: { gain: -6 } },
    { id: 'follow', type: 'live.follower', version: 1, position: { x: 300, y: 0 }, params: { min: 0, max: 1 } },
    { id: 'out', type: 'audio.output', version: 1, position: { x: 300, y: 320 }, params: {} },
  );
  p.edges.push({ id: 'e1', from: { node: 'mic', port: 'audio' }, to: { node: 'follow', port: 'audio' } }, { id: 'e2', from: { node: 'mic', port: 'audio' }, to: { node: 'out', port: 'audio' } });
  return p;
}

const micNodeSpec: Spec = {
  name: 'live I/O: a live.microphone node feeds the fake microphone to an envelope follower',
  async run({ browser }) {
    const micBrowser = await launchWithFakeMic(browser);
    try {
      const page = await (await micBrowser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      await page.goto(BASE + sharePath(micFollowerPatch()));
      await page.waitForFunction(() => window.__genpatch !== undefined);
      await withTimeout(idle(page), 60_000, 'the microphone patch did not render');
      await page.getByTestId('live-toggle').click();
      await page.waitForFunction(() => window.__genpatchLive!.enabled());
      await page.getByTestId('live-play').click();
      await withTimeout(page.waitForFunction(() => (window.__genpatchLive!.values('follow')?.outputs.value ?? 0) > 0.05, undefined, { polling: 100 }), 20_000,
        'the follower of the microphone stayed at 0');
      const seen: number[] = [];
      for (let i = 0; i < 10; i++) { seen.push((await page.evaluate(() => window.__genpatchLive!.values('follow')?.outputs.value))!); await page.waitForTimeout(50); }
      const problems = await page.evaluate(() => window.__genpatchLive!.problems());
      // 0.5 × √½ × −6 dB ≈ 0.18 RMS at the follower.
      expect(seen.every((v) => v > 0.08 && v < 0.3), `the follower of a 0.5 sine at −6 dB read ${seen.map((v) => v.toFixed(3)).join(', ')}`);
      expect(problems.length === 0, `live mode reported ${JSON.stringify(problems)}`);
      expect(errors.length === 0, `the page reported errors:\n  ${errors.join('\n  ')}`);
      console.log(`     follower of the microphone node: ${seen[0].toFixed(3)}…${seen.at(-1)!.toFixed(3)}`);
    } finally {
      await micBrowser.close();
    }
  },
};

/** Specs of live inputs and outputs (widgets: liveioWidgets.ts). */
export const liveIoSpecs: Spec[] = [streamSpec('shared'), streamSpec('messages'), midiSpec, micSpec, micNodeSpec];
