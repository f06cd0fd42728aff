/**
 * Performance mode end to end (issue 6), as one performer's journey through the live example patch
 * (patches/live-performance.genpatch.json): open it from the gallery, turn Live on, record and play;
 * a note from a MIDI keyboard (the web-midi-test shim) and a note on the on-screen keys are heard at
 * their pitches; the XY pad, moved while a note is held, brightens the lead; a slider added and wired
 * into the mix level while playing turns the music down; a param edit of a render-mode node swaps
 * its clip in at the next bar while the transport never stops; the take exports as WAV and MIDI that
 * hold the performance and the patch. Every audio check reads the exported WAV, located by the notes
 * of the exported MIDI, against the same place one loop earlier (the backing loop repeats exactly).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { extractPatchFromWav, readWav } from '../../../src/dsp/wav';
import { extractPatchFromMidi, readMidi } from '../../../src/music/midi';
import { ROOT } from '../harness';
import { connect, dragFromPalette, idle, nodeSel, selectNode } from './helpers';
import { analyseSwap } from './liveAudio';
import { cleanBaseline, harmonicsAt, rmsOf, toneAt, type BaselineRules, type Span } from './livePerformAudio';
import { withTimeout } from './probes';
import { expect, type Spec } from './spec';

const EXAMPLE = 'live-performance.genpatch.json';
/** Played through the MIDI shim and held while the XY pad moves (C#4), and on the on-screen keys (C#5): both far from the bass loop's harmonics. */
const MIDI_PITCH = 61;
const KEY_PITCH = 73;
/** Release tail of the lead after a note-off (its release is 0.25 s), in seconds. */
const TAIL = 0.6;
const hz = (pitch: number): number => 440 * 2 ** ((pitch - 69) / 12);

/** Audio-clock marks the journey takes (seconds, the session's clock). */
interface Marks { play0: number; padLeft: [number, number]; padRight: [number, number]; sliderConnected: number; sliderDown: [number, number] }

const live = (page: Page) => ({
  wait: (fn: string, timeout = 30_000) => page.waitForFunction(fn, undefined, { timeout, polling: 50 }),
  now: () => page.evaluate(() => window.__genpatchLive!.now()),
  beat: () => page.evaluate(() => window.__genpatchLive!.beat()),
  midi: (bytes: number[]) => page.evaluate((b) => window.__midiSrc!.emit(b), bytes),
  readout: (node: string, key: string) => page.locator(`${nodeSel(node)} [data-live-value="${key}"] .num`).textContent(),
});

/** Installs web-midi-test with one connected virtual input ("genpatch test keys"), then reloads the app so it sees it. */
async function withMidiShim(page: Page): Promise<void> {
  await page.context().addInitScript({ path: resolve(ROOT, 'node_modules/web-midi-test/wmt.js') });
  await page.context().addInitScript(`
    Object.defineProperty(navigator, 'requestMIDIAccess', { value: WMT.requestMIDIAccess, configurable: true });
    window.__midiSrc = new WMT.MidiSrc('genpatch test keys');
    window.__midiSrc.connect();
  `);
  await page.reload();
  await page.waitForSelector('.react-flow__renderer');
  await page.waitForFunction(() => window.__genpatch !== undefined && typeof window.__midiSrc?.emit === 'function');
}

/** Records transport state every 50 ms in the page, to prove afterwards that it never stopped. */
async function watchTransport(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __transportLog: { t: number; beat: number; playing: boolean }[] };
    w.__transportLog = [];
    setInterval(() => { const l = window.__genpatchLive!; w.__transportLog.push({ t: l.now(), beat: l.beat(), playing: l.playing() }); }, 50);
  });
}

/** A canvas-relative point where a new node of about 240 × 200 px overlaps no node. */
async function emptySpot(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect();
    const boxes = [...document.querySelectorAll('.react-flow__node')].map((n) => n.getBoundingClientRect());
    for (let y = 40; y + 200 < canvas.height; y += 40) {
      for (let x = canvas.width - 280; x > 40; x -= 40) {
        const free = boxes.every((b) => b.right + 20 < canvas.x + x || canvas.x + x + 240 < b.left - 20 || b.bottom + 20 < canvas.y + y || canvas.y + y + 200 < b.top - 20);
        if (free) return { x: x + 20, y: y + 20 };
      }
    }
    throw new Error('no empty place on the canvas for a new node');
  });
}

/** Drags the XY pad's dot horizontally to `to` (0–1) at its current height, in `steps` moves, reading the lead's shown cutoff after each. */
async function dragPad(page: Page, to: number, steps: number): Promise<string[]> {
  const pad = page.locator(`${nodeSel('tone')} .gp-live-xy-pad`);
  const box = (await pad.boundingBox())!;
  const dot = (await pad.locator('.gp-live-xy-dot').boundingBox())!;
  const y = dot.y + dot.height / 2;
  const xAt = (u: number): number => box.x + 8 + u * (box.width - 16);
  const shown: string[] = [];
  await page.mouse.move(dot.x + dot.width / 2, y);
  await page.mouse.down();
  const from = (dot.x + dot.width / 2 - box.x - 8) / (box.width - 16);
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(xAt(from + ((to - from) * i) / steps), y);
    await page.waitForTimeout(120);
    shown.push((await live(page).readout('lead', 'd:cutoff')) ?? '');
  }
  await page.mouse.up();
  return shown;
}

/** Specs of performance mode as a whole. */
export const livePerformSpecs: Spec[] = [{
  name: 'live performance: the example patch played from the gallery with MIDI, keys, XY pad and slider, edited while playing, recorded and exported',
  async run({ page, shot }) {
    await withMidiShim(page);
    const l = live(page);

    // 1. Open the example from the gallery; it renders.
    await page.getByTestId('examples').click();
    await page.locator(`[data-example="${EXAMPLE}"]`).click();
    await page.getByTestId('gallery').waitFor({ state: 'detached' });
    await page.waitForFunction(() => window.__genpatch!.nodes().length === 9 && window.__genpatch!.nodes().some((n) => n.id === 'keys'));
    await withTimeout(idle(page), 90_000, `${EXAMPLE} did not finish rendering`);
    const failed = (await page.evaluate(() => window.__genpatch!.nodeStates())).filter((s) => s.status !== 'done' && s.status !== 'cached');
    expect(failed.length === 0, `the example did not render: ${JSON.stringify(failed)}`);

    // 2. Live on, record, play.
    await page.getByTestId('live-toggle').click();
    await l.wait('window.__genpatchLive.enabled()', 60_000);
    const bpm = Number(await page.getByTestId('live-bpm').inputValue());
    expect(bpm === 120, `live mode started at ${bpm} BPM, the example's loop is at 120`);
    const loopSeconds = (8 * 60) / bpm; // the bass loop and the synced sweep both last two 4/4 bars
    await page.getByTestId('live-record').click();
    await page.getByTestId('live-play').click();
    await l.wait('window.__genpatchLive.playing()');
    await watchTransport(page);
    await l.wait('window.__genpatchLive.beat() > 1');
    const marks = { play0: await page.evaluate((b) => window.__genpatchLive!.now() - (window.__genpatchLive!.beat() * 60) / b, bpm) } as Marks;
    await shot('live-perform-01-playing');

    // 3. The on-screen keys (after one whole loop, so the same place one loop earlier is a clean baseline).
    await l.wait('window.__genpatchLive.beat() > 17');
    const key = page.locator(`${nodeSel('keys')} [data-note="${KEY_PITCH}"]`);
    expect(await key.count() === 1, `the Lead keys node draws no key ${KEY_PITCH}`);
    await key.hover();
    await page.mouse.down();
    await page.waitForTimeout(600);
    await page.mouse.up();

    // 4. A MIDI note held while the XY pad sweeps the lead's cutoff from its bottom to its top.
    await l.wait('window.__genpatchLive.beat() > 24');
    await l.midi([0x90, MIDI_PITCH, 100]);
    await page.waitForTimeout(700);
    await shot('live-perform-02-midi-note');
    const down = await dragPad(page, 0, 2);
    await page.waitForTimeout(500);
    marks.padLeft = [await l.now(), 0];
    await page.waitForTimeout(600);
    marks.padLeft[1] = await l.now();
    const up = await dragPad(page, 1, 5);
    marks.padRight = [(await l.now()) + 0.05, 0];
    await page.waitForTimeout(600);
    marks.padRight[1] = await l.now();
    await l.midi([0x80, MIDI_PITCH, 0]);
    const pad = await page.evaluate(() => window.__genpatch!.nodes().find((n) => n.id === 'tone')!.params);
    const lead = await page.evaluate(() => window.__genpatchLive!.values('lead'));
    expect((pad.x as number) > 0.97, `the pad drag left the pad at x ${pad.x}`);
    expect(lead !== null && lead.driven.cutoff > 7500, `the lead's cutoff did not follow the pad to its top: ${JSON.stringify(lead)}`);
    const shownUp = up.map(Number);
    expect(new Set(shownUp).size >= 4 && shownUp.every((v, i) => i === 0 || v >= shownUp[i - 1]),
      `the lead node did not show its cutoff rising while the pad moved: ${up.join(', ')} (down: ${down.join(', ')})`);
    await shot('live-perform-03-xy-pad');

    // 5. A slider added while playing, wired into the mix level, and moved.
    await selectNode(page, 'mix');
    await page.locator('[data-param="level"] .gp-expose').click();
    const spot = await emptySpot(page);
    const slider = await dragFromPalette(page, 'live.slider', spot.x, spot.y);
    await selectNode(page, slider);
    for (const [name, value] of [['min', '-36'], ['max', '0']]) {
      const entry = page.locator(`[data-param="${name}"] .gp-number-entry`);
      await entry.fill(value);
      await entry.press('Enter');
    }
    await connect(page, slider, 'value', 'mix', 'level');
    await l.wait('window.__genpatchLive.values("mix")?.driven.level !== undefined');
    marks.sliderConnected = await l.now();
    expect(Math.abs((await page.evaluate(() => window.__genpatchLive!.values('mix')!.driven.level)) + 18) < 0.5, 'the slider at its middle does not set the mix to −18 dB');
    const track = page.locator(`${nodeSel(slider)} .gp-live-slider-track`);
    const tb = (await track.boundingBox())!;
    await page.mouse.move(tb.x + tb.width * 0.5, tb.y + tb.height / 2);
    await page.mouse.down();
    const levels: string[] = [];
    for (const u of [0.35, 0.2, 0.05]) {
      await page.mouse.move(tb.x + tb.width * u, tb.y + tb.height / 2);
      await page.waitForTimeout(120);
      levels.push((await l.readout('mix', 'd:level')) ?? '');
    }
    await page.mouse.up();
    await page.waitForTimeout(300);
    marks.sliderDown = [await l.now(), 0];
    await page.waitForTimeout(700);
    marks.sliderDown[1] = await l.now();
    const level = await page.evaluate(() => window.__genpatchLive!.values('mix')!.driven.level);
    expect(level < -32 && level > -36, `the slider moved to 5 % did not bring the mix to about −34 dB: ${level}`);
    expect(new Set(levels).size === 3 && levels.map(Number).every((v, i, a) => i === 0 || v < a[i - 1]), `the mix node did not show its level falling as the slider moved: ${levels.join(', ')}`);
    expect(Number(await l.readout(slider, 'o:value')) < -32, `the slider node does not show its value: ${await l.readout(slider, 'o:value')}`);
    await shot('live-perform-04-slider');
    await page.keyboard.press('End'); // the slider has focus: back to 0 dB for the rest of the take
    await l.wait('window.__genpatchLive.values("mix").driven.level > -0.5');

    // 6. An edit of a render-mode node (the bass synth feeding the loop) swaps in at the next bar; the transport never stops.
    await selectNode(page, 'bass');
    const editBeat = await l.beat();
    await page.locator('[data-param="oscillator"] select').selectOption('square');
    await l.wait(`window.__genpatchLive.swaps().some((s) => s.nodeId === 'bass' && s.beat > ${editBeat})`, 90_000);
    const swap = (await page.evaluate(() => window.__genpatchLive!.swaps())).filter((s) => s.nodeId === 'bass').at(-1)!;
    await l.wait(`window.__genpatchLive.beat() > ${swap.beat + 2.5}`);
    await shot('live-perform-05-after-edit');

    // 7. Stop recording and the transport; export the take.
    const end = await l.now();
    await page.getByTestId('live-record').click();
    await l.wait('window.__genpatchLive.take() !== null');
    await page.getByTestId('live-play').click();
    const takeStart = await page.evaluate(() => window.__genpatchLive!.take()!.startTime);
    const log = await page.evaluate(() => (window as unknown as { __transportLog: { t: number; beat: number; playing: boolean }[] }).__transportLog);
    const patchText = await page.evaluate(() => window.__genpatch!.patchText());
    const [wavDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('live-export-wav').click()]);
    const wavBytes = new Uint8Array(readFileSync((await wavDl.path())!));
    const [midiDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('live-export-midi').click()]);
    const midiBytes = new Uint8Array(readFileSync((await midiDl.path())!));
    await shot('live-perform-06-exported');

    // The transport never stopped or went back between Play and the end of the take.
    const playing = log.filter((s) => s.t >= marks.play0 + 0.5 && s.t <= end);
    const stops = playing.filter((s) => !s.playing).length;
    const jumps = playing.filter((s, i) => i > 0 && Math.abs((s.beat - playing[i - 1].beat) - ((s.t - playing[i - 1].t) * bpm) / 60) > 0.05).length;
    expect(stops === 0 && jumps === 0, `the transport stopped (${stops} samples) or jumped (${jumps}) while the patch was played and edited`);
    expect(Math.abs(swap.beat / 4 - Math.round(swap.beat / 4)) < 0.01 && swap.beat > editBeat, `the bass clip swapped at beat ${swap.beat.toFixed(3)} (edit at ${editBeat.toFixed(2)}), not at the next bar line`);

    // The exported files carry the patch (with the slider) and the performance.
    expect(extractPatchFromWav(wavBytes) === patchText, 'the exported WAV does not carry the patch');
    expect(extractPatchFromMidi(midiBytes) === patchText && patchText.includes('"live.slider"'), 'the exported MIDI does not carry the patch as edited');
    const wav = readWav(wavBytes);
    const x = wav.channels[0];
    const sr = wav.sampleRate;
    const seq = readMidi(midiBytes);
    const toS = (beats: number): number => (beats * 60) / seq.tempo;
    const notes = seq.notes.map((n) => ({ pitch: n.pitch, span: { from: toS(n.start), to: toS(n.start + n.duration) } }));
    expect(notes.map((n) => n.pitch).join(',') === `${KEY_PITCH},${MIDI_PITCH}`, `the MIDI holds pitches ${notes.map((n) => n.pitch).join(',')}, the performer played ${KEY_PITCH} (keys) then ${MIDI_PITCH} (MIDI)`);
    const at = (t: number): number => t - takeStart;
    const rules: BaselineRules = { loopSeconds, earliest: at(marks.play0) + loopSeconds, busy: notes.map((n) => ({ from: n.span.from - 0.05, to: n.span.to + TAIL })) };
    const baseline = (s: Span, extra: Partial<BaselineRules> = {}): Span => {
      const b = cleanBaseline(s, { ...rules, ...extra });
      if (!b) throw new Error(`no clean place one or more loops before ${s.from.toFixed(2)}–${s.to.toFixed(2)} s of the take to compare with`);
      return b;
    };
    const heard: string[] = [];
    for (const n of notes) {
      const span = { from: n.span.from + 0.05, to: Math.min(n.span.to, n.span.from + 0.55) };
      const f = hz(n.pitch);
      const [played, before] = [toneAt(x, sr, span, f), toneAt(x, sr, baseline(span), f)];
      heard.push(`${n.pitch} at ${span.from.toFixed(2)} s: ${played.toFixed(4)} vs ${before.toFixed(4)}`);
      expect(played > 0.01 && played > 4 * before, `note ${n.pitch} is not heard in the WAV at ${f.toFixed(1)} Hz: ${played.toFixed(4)} against ${before.toFixed(4)} one loop earlier`);
    }
    const bright = (s: Span): number => harmonicsAt(x, sr, s, hz(MIDI_PITCH), [9, 11, 13, 15]) - harmonicsAt(x, sr, baseline(s), hz(MIDI_PITCH), [9, 11, 13, 15]);
    const dark = bright({ from: at(marks.padLeft[0]), to: at(marks.padLeft[1]) });
    const open = bright({ from: at(marks.padRight[0]), to: at(marks.padRight[1]) });
    expect(open > 0.004 && open > 4 * dark, `moving the XY pad to the top did not brighten the held note: harmonics 9–15 add ${open.toFixed(4)} (pad right) vs ${dark.toFixed(4)} (pad left)`);
    const quiet = { from: at(marks.sliderDown[0]), to: at(marks.sliderDown[1]) };
    const [after, loud] = [rmsOf(x, sr, quiet), rmsOf(x, sr, baseline(quiet, { before: at(marks.sliderConnected) - 0.2 }))];
    expect(after < 0.15 * loud, `the slider down to −34 dB did not turn the music down: RMS ${after.toFixed(4)} vs ${loud.toFixed(4)} one loop earlier`);
    const s = analyseSwap({ samples: x, sampleRate: sr, startTime: takeStart }, swap.time);
    expect(s.gapRms > 0.2 * s.beforeRms, `the audio dropped out at the bass swap: ${s.gapRms.toFixed(4)} RMS against ${s.beforeRms.toFixed(4)} before`);
    console.log(`     take ${(x.length / sr).toFixed(1)} s at ${sr} Hz; notes ${heard.join('; ')}; pad harmonics ${dark.toFixed(4)} → ${open.toFixed(4)};`
      + ` slider RMS ${loud.toFixed(4)} → ${after.toFixed(4)}; swap at beat ${swap.beat} (edit ${editBeat.toFixed(2)}), gap RMS ${s.gapRms.toFixed(3)} / ${s.beforeRms.toFixed(3)}`);
  },
}];
