/** `live.microphone`: the performer's microphone (or any audio input device) as a live audio source. */
import { defineNode } from '../../src/engine/node';
import type { AudioClip } from '../../src/engine/values';
import type { ValuesOf } from '../audio/instrumentRender';
import { getLiveAudio, type LiveMicrophone } from './liveServices';

const params = {
  gain: { kind: 'float', default: 0, min: -60, max: 24, step: 0.5, unit: 'dB', doc: 'Level of the microphone signal.' },
} as const;

type Values = ValuesOf<typeof params>;

/** Seconds a gain change takes to settle (no zipper noise when driven at frame rate). */
const GLIDE_SECONDS = 0.025;
/** Rate and length of the silence a render gives: there is no microphone offline. */
const RENDER_RATE = 44100;
const RENDER_SECONDS = 1;

/** What the node says when there is no microphone to render from. */
export const NO_MICROPHONE_OFFLINE = 'live.microphone has no microphone when rendered: it gives 1 s of silence (to render a recording, use an audio.file node)';

/** Sound from outside the patch: a voice or an instrument to filter, follow or mix with the music. */
export const microphoneNode = defineNode({
  type: 'live.microphone',
  title: 'Microphone',
  category: 'live',
  doc: 'The microphone (the browser asks for permission on the first Play), as live audio: wire it into an envelope follower to let a voice or an instrument steer the patch, through a live filter, or to an output to hear it (use headphones, or speakers feed back). The raw signal is taken, without the browser\'s voice processing. If permission is refused or there is no input device, the node says so and stays silent. Rendered (from the command line, or before live mode starts) there is no microphone: it gives a second of silence with a warning; render a recording with an audio.file node instead.',
  outputs: { audio: { type: 'audio', doc: 'The microphone signal, mono (rendered: silence).' } },
  params,
  run: (_inputs, _p, ctx) => {
    ctx.log.warn(NO_MICROPHONE_OFFLINE);
    const silence: AudioClip = { sampleRate: RENDER_RATE, channels: [new Float32Array(RENDER_RATE * RENDER_SECONDS)] };
    return { outputs: { audio: silence } };
  },
  live: {
    create(ctx) {
      const audio = getLiveAudio(ctx);
      if (!audio.microphone) throw new Error(`node ${ctx.nodeId}: this host has no microphone (offline rendering): render a recording with an audio.file node`);
      const mic: LiveMicrophone = audio.microphone(params.gain.default);
      let told = false;
      return {
        audio: { outputs: { audio: mic.output } },
        update(p) { mic.set((p as Values).gain, GLIDE_SECONDS); },
        tick() {
          const { status, message } = mic.status();
          if (told || status === 'opening' || status === 'ready') return;
          told = true;
          throw new Error(`no microphone signal (${status}): ${message}`);
        },
        dispose() { mic.dispose(); },
      };
    },
  },
});
