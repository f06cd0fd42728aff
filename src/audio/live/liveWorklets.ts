/**
 * The AudioWorklet processors of live mode, loaded from a Blob URL (no bundler step):
 * - `genpatch-guard`: after every live source, passes the audio through; at the first NaN or
 *   infinite sample it mutes (silence from then on, so no filter or limiter downstream is
 *   poisoned), posts which value it saw, and waits for a `reset`.
 * - `genpatch-recorder`: after the master limiter, copies what is heard into blocks posted to the
 *   page while a recording runs.
 */

import { addWorkletModuleOnce } from '../workletModules';

/** Name of the guard processor. */
export const GUARD_PROCESSOR = 'genpatch-guard';
/** Name of the recorder processor. */
export const RECORDER_PROCESSOR = 'genpatch-recorder';

/** A message from a guard: the first bad sample it muted. */
export interface GuardMessage { type: 'nan'; value: string }
/** Messages from the recorder. */
export type RecorderMessage =
  | { type: 'started'; frame: number }
  | { type: 'block'; channels: Float32Array[] }
  | { type: 'stopped' };

const SOURCE = `
class GenpatchGuard extends AudioWorkletProcessor {
  constructor() {
    super();
    this.muted = false;
    this.port.onmessage = (e) => { if (e.data === 'reset') this.muted = false; };
  }
  process(inputs, outputs) {
    const input = inputs[0];
    const output = outputs[0];
    for (let c = 0; c < output.length; c++) {
      const out = output[c];
      const x = input.length ? input[Math.min(c, input.length - 1)] : null;
      if (!x || this.muted) { out.fill(0); continue; }
      for (let i = 0; i < out.length; i++) {
        const v = x[i];
        if (v - v !== 0) {
          this.muted = true;
          this.port.postMessage({ type: 'nan', value: String(v) });
          out.fill(0);
          break;
        }
        out[i] = v;
      }
    }
    if (this.muted) for (const out of output) out.fill(0);
    return true;
  }
}
registerProcessor('${GUARD_PROCESSOR}', GenpatchGuard);

class GenpatchRecorder extends AudioWorkletProcessor {
  constructor() {
    super();
    this.recording = false;
    this.size = 4096;
    this.fill = 0;
    this.blocks = null;
    this.port.onmessage = (e) => {
      if (e.data === 'start') { this.recording = true; this.fill = 0; this.blocks = null; this.announce = true; }
      if (e.data === 'stop') { this.flush(); this.recording = false; this.port.postMessage({ type: 'stopped' }); }
    };
  }
  flush() {
    if (!this.blocks || this.fill === 0) return;
    const channels = this.blocks.map((b) => b.slice(0, this.fill));
    this.port.postMessage({ type: 'block', channels }, channels.map((c) => c.buffer));
    this.fill = 0;
  }
  process(inputs, outputs) {
    const input = inputs[0];
    const output = outputs[0];
    for (let c = 0; c < output.length; c++) {
      const x = input.length ? input[Math.min(c, input.length - 1)] : null;
      if (x) output[c].set(x); else output[c].fill(0);
    }
    if (!this.recording) return true;
    if (this.announce) { this.announce = false; this.port.postMessage({ type: 'started', frame: currentFrame }); }
    const n = output[0] ? output[0].length : 128;
    if (!this.blocks) this.blocks = output.map(() => new Float32Array(this.size));
    for (let c = 0; c < this.blocks.length; c++) this.blocks[c].set(output[c], this.fill);
    this.fill += n;
    if (this.fill + n > this.size) this.flush();
    return true;
  }
}
registerProcessor('${RECORDER_PROCESSOR}', GenpatchRecorder);
`;

/** The processors' module, one Blob URL for the page. */
let sourceUrl: string | null = null;

/**
 * Loads the processors into `ctx` once.
 * @example
 * await loadLiveWorklets(audioContext); new AudioWorkletNode(audioContext, GUARD_PROCESSOR);
 */
export function loadLiveWorklets(ctx: BaseAudioContext): Promise<void> {
  sourceUrl ??= URL.createObjectURL(new Blob([SOURCE], { type: 'application/javascript' }));
  return addWorkletModuleOnce(ctx, sourceUrl);
}
