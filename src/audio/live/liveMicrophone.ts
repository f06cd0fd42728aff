/**
 * The microphone as a live endpoint (nodes/live/liveServices.ts `LiveMicrophone`): a gain node that
 * is the output at once, fed by the device once `openMicrophone` has opened it. A refusal or a
 * missing device is a status, never a throw.
 */
import { dbToGain } from '../../../nodes/audio/clipOps';
import type { LiveMicrophone, LiveMicrophoneStatus } from '../../../nodes/live/liveServices';
import { openMicrophone, type MicrophoneInput, type MicrophoneOptions } from '../inputs/microphone';

/** True when `ctx` can capture (a realtime AudioContext with MediaStream sources). */
export function canCapture(ctx: BaseAudioContext): ctx is AudioContext {
  return typeof (ctx as Partial<AudioContext>).createMediaStreamSource === 'function';
}

/**
 * Opens the microphone of `ctx` into a gain of `db`; `options` picks the device (tests inject getUserMedia).
 * @example
 * const mic = createLiveMicrophone(audioContext, 0, () => audioContext.currentTime);
 */
export function createLiveMicrophone(ctx: AudioContext, db: number, now: () => number, options: MicrophoneOptions = {}): LiveMicrophone {
  const level = ctx.createGain();
  level.gain.value = dbToGain(db);
  let state: { status: LiveMicrophoneStatus; message: string } = { status: 'opening', message: '' };
  let input: MicrophoneInput | null = null;
  let disposed = false;
  openMicrophone(ctx, options).then((mic) => {
    if (disposed) { mic.stop(); return; }
    input = mic;
    mic.node?.connect(level);
    state = { status: mic.status, message: mic.message };
  }, (err: Error) => {
    state = { status: 'error', message: `the microphone could not be opened: ${err.message}` };
  });
  return {
    output: level,
    status: () => state,
    set: (next, glide) => level.gain.setTargetAtTime(dbToGain(next), now(), Math.max(0.001, glide / 3)),
    dispose() {
      disposed = true;
      input?.stop();
      level.disconnect();
    },
  };
}
