/**
 * The live DDSP instrument's stream as a bench/live.ts scenario: the saxophone decoder stepping one
 * 4 ms frame per call in the instrument's own Worker (src/audio/live/ddspStreamWorker.ts), its
 * blocks carried to the AudioWorklet by the ring buffer; a note on or off every 0.5 s, each timed
 * from the control to its first sample out.
 */
import type { ControlLatency } from '../../src/audio/stream';
import type { ControlMessage } from '../../src/audio/stream/blockGenerator';
import type { LiveScenario } from '../live/scenarios';

/** How the bench's notes are performed (the DDSP instrument's defaults, saxophone). */
const PARAMS = {
  instrument: 'sax', glide: 0.03, vibratoRate: 5, vibratoDepth: 15, vibratoFadeIn: 0.2, attack: 0.03, release: 0.1,
  loudness: -16, dynamics: 12, legato: false, pitchShift: 0, loudnessShift: 0, gate: -50,
};
const PITCHES = [62, 65, 69, 67, 72, 70, 64, 60];
const CONTROL_EVERY_MS = 500;
/** Seconds before counting: the Worker loads and checks the model meanwhile. */
const WARMUP_MS = 3000;

/** The live DDSP saxophone stream. */
export const ddspLiveScenario: LiveScenario = {
  describe: 'live DDSP saxophone: decoder frame by frame in its Worker → ring → AudioWorklet; a note on or off every 0.5 s',
  path: 'tests/e2e/pages/liveio.html',
  async run(page, options) {
    const started = await page.evaluate((o) => window.__liveio!.startStream({
      worker: 'ddsp', generator: 'ddsp', options: { seed: 1, params: { ...o.params, ...o.generatorOptions } }, bufferFrames: o.bufferFrames, leadFrames: o.leadFrames, startLeadFrames: o.startLeadFrames, transport: o.transport,
    }), { ...options, params: PARAMS });
    await page.waitForTimeout(WARMUP_MS);
    const warm = await page.evaluate(() => window.__liveio!.streamStats());
    const latencies: ControlLatency[] = [];
    let heldRms = 0;
    const end = Date.now() + options.seconds * 1000;
    for (let i = 0; Date.now() < end; i++) {
      const pitch = PITCHES[Math.floor(i / 2) % PITCHES.length];
      const message: ControlMessage = i % 2 === 0 ? { type: 'on', pitch, velocity: 0.8 } : { type: 'off', pitch };
      if (i % 2 === 1) heldRms = Math.max(heldRms, await page.evaluate(() => window.__liveio!.streamMeter().rms));
      latencies.push(await page.evaluate((m) => window.__liveio!.control(m), message));
      await page.waitForTimeout(CONTROL_EVERY_MS);
    }
    const stats = await page.evaluate(() => window.__liveio!.streamStats());
    await page.evaluate(() => window.__liveio!.stopStream());
    const errors = await page.evaluate(() => window.__liveio!.errors);
    if (errors.length) throw new Error(`the DDSP stream failed: ${errors.join('; ')}`);
    if (!(heldRms > 0.005)) throw new Error(`the DDSP stream stayed silent while notes were held (RMS ${heldRms})`);
    return {
      subject: `DDSP saxophone (public/models/ddsp-sax) at ${started.sampleRate} Hz, ${stats.transport} transport, buffer ${options.bufferFrames} frames${options.leadFrames ? `, adaptive lead ${options.startLeadFrames ? `${options.startLeadFrames} → ` : ''}${options.leadFrames}` : ''}; loudest output RMS of a held note ${heldRms.toFixed(3)}`,
      stats,
      underrunsAfterWarmup: stats.underruns - warm.underruns,
      latencies,
      sampleRate: started.sampleRate,
    };
  },
};
