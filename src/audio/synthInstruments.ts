/**
 * Poly, FM and AM instruments on Tone.js: notes are spread over monophonic Tone voices (Synth,
 * FMSynth, AMSynth) by `allocateVoices`; each voice runs for the whole render and every note is
 * scheduled up front as pitch and envelope automation, so the render needs no transport, its cost
 * grows linearly with its length, and it is the same on every run.
 */
import type * as Tone from 'tone';
import type { AmSpec, Envelope, FmSpec, PolySpec } from '../../nodes/audio/instrumentSpec';
import type { NoteEvent } from './noteEvents';
import type { ToneInput, ToneModule, ToneOfflineContext } from './toneModule';
import { allocateVoices } from './voiceAllocation';

/** Where an instrument schedules its notes: the Tone module, the offline context and the bus to feed. */
export interface InstrumentTarget {
  tone: ToneModule;
  context: ToneOfflineContext;
  output: ToneInput;
}

/** Seconds a voice waits after a release before it takes the next note. */
const VOICE_GAP = 0.01;

type SynthSpec = PolySpec | FmSpec | AmSpec;
type SynthVoice = Tone.Synth | Tone.FMSynth | Tone.AMSynth;

const envelopeOptions = (e: Envelope) => ({ attack: e.attack, decay: e.decay, sustain: e.sustain, release: e.release });

function createVoice(target: InstrumentTarget, spec: SynthSpec): SynthVoice {
  const { tone, context } = target;
  switch (spec.kind) {
    case 'poly':
      return new tone.Synth({ context, oscillator: { type: spec.oscillator }, envelope: envelopeOptions(spec.envelope) });
    case 'fm':
      // The carrier stays a sine: node-web-audio-api ≤ 1.x blows up non-sine oscillators driven to
      // negative frequency (modulationIndex > 1), see orottier/web-audio-api-rs#609.
      return new tone.FMSynth({
        context,
        harmonicity: spec.harmonicity,
        modulationIndex: spec.modulationIndex,
        oscillator: { type: 'sine' },
        modulation: { type: spec.modulationType },
        envelope: envelopeOptions(spec.envelope),
        modulationEnvelope: envelopeOptions(spec.modulationEnvelope),
      });
    case 'am':
      return new tone.AMSynth({
        context,
        harmonicity: spec.harmonicity,
        oscillator: { type: spec.oscillator },
        modulation: { type: spec.modulationType },
        envelope: envelopeOptions(spec.envelope),
        modulationEnvelope: envelopeOptions(spec.modulationEnvelope),
      });
  }
}

/**
 * Starts a voice's oscillators once, for the whole render. Tone's own triggerAttack restarts them
 * per note, which makes new native nodes each time; they stay in the offline graph until it ends,
 * so render time grew with the square of the note count.
 */
function startVoice(voice: SynthVoice): void {
  voice.oscillator.start(0);
  if ('modulation' in voice) voice.modulation.start(0);
}

/** Plays one note on a running voice: set its pitch, run its envelopes. */
function playNote(voice: SynthVoice, e: NoteEvent): void {
  voice.frequency.setValueAtTime(e.frequency, e.time);
  voice.envelope.triggerAttackRelease(e.duration, e.time, e.velocity);
  if ('modulationEnvelope' in voice) voice.modulationEnvelope.triggerAttackRelease(e.duration, e.time, e.velocity);
}

/**
 * Schedules `events` on as many voices of `spec` as the densest moment needs, all feeding `target.output`.
 * @example
 * scheduleSynthNotes({ tone, context, output: bus }, { kind: 'poly', oscillator: 'sine', envelope, volumeDb: 0 }, events);
 */
export function scheduleSynthNotes(target: InstrumentTarget, spec: SynthSpec, events: readonly NoteEvent[]): void {
  const release = spec.envelope.release;
  const { voiceOf, voiceCount } = allocateVoices(events.map((e) => ({ time: e.time, until: e.time + e.duration + release + VOICE_GAP })));
  const voices = Array.from({ length: voiceCount }, () => {
    const voice = createVoice(target, spec);
    voice.connect(target.output);
    startVoice(voice);
    return voice;
  });
  events.forEach((e, i) => playNote(voices[voiceOf[i]], e));
}
