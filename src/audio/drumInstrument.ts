/**
 * The drum kit on Tone.js. Each GM note of a DrumsSpec names a piece, and each piece is one
 * persistent voice — sources that run for the whole render into a VCA that every hit strikes:
 * a sine swept in pitch (membrane), six inharmonic squares through a high-pass (metal, the TR-808
 * hat), seeded looping noise through a filter (noise), or membrane + noise (snare). A new hit
 * re-strikes the same voice, as a real drum or cymbal is re-struck; no nodes are made per hit, so
 * render time grows linearly with length, and the noise is seeded, so renders are identical.
 */
import type * as Tone from 'tone';
import { createRng } from '../engine/rng';
import type { DrumsSpec, MembranePiece, MetalPiece, NoisePiece } from '../../nodes/audio/instrumentSpec';
import type { NoteEvent } from './noteEvents';
import { NOISE_BUFFER_SECONDS, seededWhiteNoise } from './seededNoise';
import type { InstrumentTarget } from './synthInstruments';

/** Seed of the kit's noise: fixed, so every render of the same notes is identical. */
const NOISE_SEED = 'genpatch.drums.noise';
/** Attack of every drum hit, seconds. */
const STRIKE_ATTACK = 0.001;
/** Frequency ratios of the six square partials of a metal voice (Tone.MetalSynth's, after the TR-808). */
const METAL_RATIOS = [1, 1.483, 1.932, 2.546, 2.63, 3.897];
/** Level of each metal partial: the high-pass keeps only their upper harmonics, about −20 dB of them. */
const METAL_PARTIAL_GAIN = 1;

/** Strikes a VCA gain: a 1 ms rise to `peak`, then an exponential fall reaching −43 dB after `decay` s. */
function strike(gain: Tone.Param<'gain'>, time: number, peak: number, decay: number): void {
  gain.cancelAndHoldAtTime(time);
  gain.linearRampToValueAtTime(peak, time + STRIKE_ATTACK);
  gain.setTargetAtTime(0, time + STRIKE_ATTACK, decay / 5);
}

/** The notes of each mapped piece, in time order; notes without a piece are dropped. */
function hitsByPiece(spec: DrumsSpec, events: readonly NoteEvent[]): Map<string, NoteEvent[]> {
  const groups = new Map<string, NoteEvent[]>();
  for (const e of events) {
    const key = String(e.pitch);
    if (!spec.pieces[key]) continue;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return groups;
}

/** Builds the voices of one kit render; each method wires one piece and schedules its hits. */
class KitBuilder {
  private noise: Tone.ToneAudioBuffer | null = null;

  constructor(private readonly target: InstrumentTarget) {}

  private vca(): Tone.Gain {
    const { tone, context, output } = this.target;
    const vca = new tone.Gain({ context, gain: 0 });
    vca.connect(output);
    return vca;
  }

  /** A sine that jumps up `octaves` at each hit and falls back to `frequency` in `pitchDecay` s. */
  membrane(piece: Pick<MembranePiece, 'frequency' | 'octaves' | 'pitchDecay' | 'decay' | 'gain'>, hits: readonly NoteEvent[]): void {
    const { tone, context } = this.target;
    const vca = this.vca();
    const osc = new tone.Oscillator({ context, type: 'sine', frequency: piece.frequency }).connect(vca).start(0);
    for (const e of hits) {
      osc.frequency.setValueAtTime(piece.frequency * 2 ** piece.octaves, e.time);
      osc.frequency.exponentialRampToValueAtTime(piece.frequency, e.time + Math.max(0.001, piece.pitchDecay));
      strike(vca.gain, e.time, e.velocity * piece.gain, piece.decay);
    }
  }

  /** Six square partials at inharmonic ratios, high-passed at `resonance`. */
  metal(piece: MetalPiece, hits: readonly NoteEvent[]): void {
    const { tone, context } = this.target;
    const vca = this.vca();
    const highpass = new tone.Filter({ context, type: 'highpass', frequency: piece.resonance, Q: 1 }).connect(vca);
    const mix = new tone.Gain({ context, gain: METAL_PARTIAL_GAIN }).connect(highpass);
    for (const ratio of METAL_RATIOS) new tone.Oscillator({ context, type: 'square', frequency: piece.frequency * ratio }).connect(mix).start(0);
    for (const e of hits) strike(vca.gain, e.time, e.velocity * piece.gain, piece.decay);
  }

  /** Seeded noise, looping from an offset of its own, through a filter. */
  noiseBurst(key: string, piece: Pick<NoisePiece, 'filter' | 'filterFrequency' | 'decay' | 'gain'>, hits: readonly NoteEvent[]): void {
    const { tone, context } = this.target;
    const vca = this.vca();
    const filter = new tone.Filter({ context, type: piece.filter, frequency: piece.filterFrequency, Q: piece.filter === 'bandpass' ? 0.8 : 0.7 }).connect(vca);
    this.noise ??= new tone.ToneAudioBuffer(this.noiseBuffer());
    const source = new tone.ToneBufferSource({ context, url: this.noise, loop: true }).connect(filter);
    source.start(0, createRng(`${NOISE_SEED}:${key}`).range(0, NOISE_BUFFER_SECONDS));
    for (const e of hits) strike(vca.gain, e.time, e.velocity * piece.gain, piece.decay);
  }

  private noiseBuffer(): AudioBuffer {
    const { context } = this.target;
    const samples = seededWhiteNoise(Math.round(NOISE_BUFFER_SECONDS * context.sampleRate), NOISE_SEED);
    const buffer = context.rawContext.createBuffer(1, samples.length, context.sampleRate) as unknown as AudioBuffer;
    buffer.copyToChannel(samples, 0);
    return buffer;
  }
}

/**
 * Schedules every hit of `events` on the kit `spec`, feeding `target.output`.
 * @example
 * scheduleDrumNotes({ tone, context, output: bus }, gmDrumKit(), events);
 */
export function scheduleDrumNotes(target: InstrumentTarget, spec: DrumsSpec, events: readonly NoteEvent[]): void {
  const kit = new KitBuilder(target);
  for (const [key, hits] of hitsByPiece(spec, events)) {
    const piece = spec.pieces[key];
    switch (piece.synth) {
      case 'membrane': kit.membrane(piece, hits); break;
      case 'metal': kit.metal(piece, hits); break;
      case 'noise': kit.noiseBurst(key, piece, hits); break;
      case 'snare':
        kit.membrane({ frequency: piece.frequency, octaves: 1, pitchDecay: 0.02, decay: piece.decay * 0.6, gain: piece.gain * 0.7 }, hits);
        kit.noiseBurst(key, { filter: 'bandpass', filterFrequency: piece.noiseFrequency, decay: piece.decay, gain: piece.gain }, hits);
        break;
    }
  }
}
