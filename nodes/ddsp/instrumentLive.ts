/**
 * The live face of `ddsp.instrument`: the instrument runs as a stream from the host's `ddsp` Worker
 * (nodes/ddsp/live/ddspGenerator.ts decodes frame by frame there and an AudioWorklet plays the
 * blocks). Notes arriving at the node are sent to the Worker at their time; param changes —
 * including a vibrato depth driven by an LFO every frame — follow as control messages.
 */
import type { LiveFace, LiveNoteEvent } from '../../src/engine/node';
import { getLiveAudio, type LiveStream } from '../live/liveServices';
import type { LiveDdspParams } from './live/ddspGenerator';

/** The params the Worker's generator reads, taken from the node's params. */
function liveParams(p: Record<string, unknown>): LiveDdspParams {
  const keys: (keyof LiveDdspParams)[] = ['instrument', 'glide', 'vibratoRate', 'vibratoDepth', 'vibratoFadeIn', 'attack', 'release',
    'loudness', 'dynamics', 'legato', 'pitchShift', 'loudnessShift', 'gate'];
  return Object.fromEntries(keys.map((k) => [k, p[k]])) as unknown as LiveDdspParams;
}

/** Streams the instrument from a Worker while the patch plays. */
export const ddspInstrumentLive: LiveFace = {
  create(ctx) {
    const audio = getLiveAudio(ctx);
    if (!audio.stream) throw new Error(`node ${ctx.nodeId}: this host cannot stream audio from a Worker, which the live DDSP instrument decodes in`);
    const start = audio.stream.bind(audio);
    let stream: LiveStream | null = null;
    let sent = '';
    const timers = new Set<ReturnType<typeof setTimeout>>();
    /** Sends a note to the Worker when its time comes (events arrive a little ahead). */
    const schedule = (event: LiveNoteEvent): void => {
      const message: Record<string, number | string> = event.type === 'on'
        ? { type: 'on', pitch: event.pitch, velocity: event.velocity } : { type: 'off', pitch: event.pitch };
      const wait = (event.time - audio.now()) * 1000;
      if (wait <= 1) { stream?.control(message); return; }
      const timer = setTimeout(() => { timers.delete(timer); stream?.control(message); }, wait);
      timers.add(timer);
    };
    const outputs: Record<string, unknown> = {};
    return {
      audio: { outputs },
      update(params) {
        const p = liveParams(params);
        if (!stream) {
          stream = start({ worker: 'ddsp', generator: 'ddsp', options: { seed: ctx.seed, params: p }, onError: (m) => ctx.fail(m) });
          outputs.audio = stream.output;
        }
        const key = JSON.stringify(p);
        if (key !== sent) {
          sent = key;
          stream.control({ type: 'params', ...p });
        }
      },
      noteEvent(_port, event) { schedule(event); },
      dispose() {
        for (const timer of timers) clearTimeout(timer);
        stream?.dispose();
      },
    };
  },
};
