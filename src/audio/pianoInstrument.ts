/** The sampled piano on Tone.js: a Tone.Sampler over the decoded Salamander samples. */
import type { PianoSpec } from '../../nodes/audio/instrumentSpec';
import type { NoteEvent } from './noteEvents';
import type { InstrumentTarget } from './synthInstruments';

/** Decoded piano samples by MIDI pitch, at the render's sample rate. */
export type PianoBuffers = ReadonlyMap<number, AudioBuffer>;

/**
 * Schedules `events` on a Sampler built from `buffers`; each note repitches the nearest sample.
 * @example
 * schedulePianoNotes({ tone, context, output: bus }, { kind: 'piano', release: 1, volumeDb: 0 }, events, buffers);
 */
export function schedulePianoNotes(target: InstrumentTarget, spec: PianoSpec, events: readonly NoteEvent[], buffers: PianoBuffers): void {
  const { tone, context, output } = target;
  if (buffers.size === 0) throw new Error('piano: no samples were loaded');
  const urls: Record<number, InstanceType<typeof tone.ToneAudioBuffer>> = {};
  for (const [pitch, buffer] of buffers) urls[pitch] = new tone.ToneAudioBuffer(buffer);
  const sampler = new tone.Sampler({ context, urls, release: spec.release, attack: 0 });
  sampler.connect(output);
  for (const e of events) sampler.triggerAttackRelease(e.frequency, e.duration, e.time, e.velocity);
}
