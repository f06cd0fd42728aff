/** The multi-instrument node: each voice (track) of a NoteSequence on its own instrument, mixed. */
import { defineNode } from '../../src/engine/node';
import type { AudioClip, Note, NoteSequence } from '../../src/engine/values';
import { beatsToSeconds, endBeat } from '../../src/music/noteSequence';
import { applyGainDb, mixClips } from './clipOps';
import { drumParams, drumSpec } from './drumKitNode';
import { paramDefaults, renderNotes, renderParams, waveformPreview } from './instrumentRender';
import type { InstrumentSpec } from './instrumentSpec';
import { limitClip } from './masterLimiter';
import { pianoParams, pianoSpec } from './pianoNode';
import { amParams, amSpec, fmParams, fmSpec, polyParams, polySpec } from './synthInstrumentNodes';

/** What a voice can be played with: an instrument, 'auto' (from the voice's metadata) or 'mute'. */
export const VOICE_CHOICES = ['auto', 'piano', 'poly', 'fm', 'am', 'drums', 'mute'] as const;
/** One voice choice. */
export type VoiceChoice = (typeof VOICE_CHOICES)[number];

/** Each instrument with its node's default sound. */
export function defaultInstrument(kind: InstrumentSpec['kind']): InstrumentSpec {
  switch (kind) {
    case 'piano': return pianoSpec(paramDefaults(pianoParams));
    case 'poly': return polySpec(paramDefaults(polyParams));
    case 'fm': return fmSpec(paramDefaults(fmParams));
    case 'am': return amSpec(paramDefaults(amParams));
    case 'drums': return drumSpec(paramDefaults(drumParams));
  }
}

/**
 * The instrument of voice `voice` for `choice`, or null when muted; 'auto' plays drum voices
 * (VoiceInfo.drums, e.g. MIDI channel 10) on the drum kit and every other voice on the piano.
 * @example
 * instrumentForVoice('auto', 1, seq); // drum kit if seq.voices[1].drums
 */
export function instrumentForVoice(choice: VoiceChoice, voice: number, seq: NoteSequence): InstrumentSpec | null {
  if (choice === 'mute') return null;
  if (choice === 'auto') return defaultInstrument(seq.voices?.[voice]?.drums ? 'drums' : 'piano');
  return defaultInstrument(choice);
}

/** Notes grouped by voice (undefined voice = 0), in ascending voice order. */
export function notesByVoice(seq: NoteSequence): Map<number, Note[]> {
  const groups = new Map<number, Note[]>();
  for (const n of seq.notes) {
    const v = n.voice ?? 0;
    groups.set(v, [...(groups.get(v) ?? []), n]);
  }
  return new Map([...groups].sort((a, b) => a[0] - b[0]));
}

const voiceParam = (n: number, fallback: VoiceChoice) => ({
  kind: 'enum', options: VOICE_CHOICES, default: fallback,
  doc: `Instrument of voice ${n}; auto = drum kit for drum tracks, piano otherwise.`,
} as const);

/** Notes → audio with one instrument per voice. */
export const multiInstrumentNode = defineNode({
  type: 'instrument.multi',
  title: 'Multi-instrument',
  category: 'audio',
  doc: 'Plays a multi-voice NoteSequence (such as a MIDI file with several tracks) with one instrument per voice, like the channel-to-program map of a General MIDI synthesizer: voices 0–3 each pick piano, poly, FM, AM, drums or mute, and all further voices share one choice. "auto" uses the track\'s metadata: drum tracks (MIDI channel 10) go to the drum kit and the rest to the piano. Each voice is rendered with that instrument\'s default sound; the voices are summed and limited.',
  inputs: { notes: { type: 'notes', doc: 'Notes with a voice index per note.' } },
  outputs: { audio: { type: 'audio', doc: 'Stereo mix of all voices, peak at most −1 dBFS.' } },
  params: {
    voice0: voiceParam(0, 'auto'),
    voice1: voiceParam(1, 'auto'),
    voice2: voiceParam(2, 'auto'),
    voice3: voiceParam(3, 'auto'),
    others: { kind: 'enum', options: VOICE_CHOICES, default: 'auto', doc: 'Instrument of voices 4 and above.' },
    volume: { ...renderParams.volume, default: 0, doc: 'Level of the mix before the limiter.' },
    tail: renderParams.tail,
    sampleRate: renderParams.sampleRate,
  },
  async run({ notes }, p, ctx) {
    const choices: VoiceChoice[] = [p.voice0, p.voice1, p.voice2, p.voice3];
    const groups = [...notesByVoice(notes)]
      .map(([voice, voiceNotes]) => ({ voice, voiceNotes, instrument: instrumentForVoice(choices[voice] ?? p.others, voice, notes) }))
      .filter((g) => g.instrument !== null);
    const clips: AudioClip[] = [];
    for (const [i, g] of groups.entries()) {
      ctx.progress(i / groups.length, `voice ${g.voice}: ${g.instrument!.kind}`);
      clips.push(await renderNotes(ctx, { ...notes, notes: g.voiceNotes }, g.instrument!, p));
    }
    const seconds = beatsToSeconds(notes, Math.max(notes.length, endBeat(notes.notes))) + p.tail;
    const silence: AudioClip = { sampleRate: p.sampleRate, channels: [0, 1].map(() => new Float32Array(Math.max(1, Math.ceil(seconds * p.sampleRate)))) };
    const audio = limitClip(applyGainDb(mixClips([silence, ...clips]), p.volume));
    ctx.progress(1);
    return { outputs: { audio }, previews: [waveformPreview()] };
  },
});
