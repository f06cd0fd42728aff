/**
 * ddsp.instrument: notes → audio in one node. With the fixture decoder (always) and with the
 * shipped saxophone and violin (once public/models holds them), every note of a melody sounds at
 * its own pitch by YIN, the rests are quiet, and a cancelled run stops.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { decoderNode } from '../../../nodes/ddsp/decoderNode';
import { ddspInstrumentNode } from '../../../nodes/ddsp/instrumentNode';
import { notesFeaturesNode } from '../../../nodes/ddsp/notesFeaturesNode';
import { synthNode } from '../../../nodes/ddsp/synthNode';
import { rms } from '../../../src/dsp/measure';
import { CancelledError } from '../../../src/engine/node';
import type { AudioClip, NoteSequence } from '../../../src/engine/values';
import { createNodeModelService } from '../../../src/ml/nodeModels';
import type { ModelService } from '../../../src/ml/service';
import { runNode } from '../runNode';
import { fixtureDecoderService, fixtureServices, hasShippedDecoder } from './ddspModels';
import { cents, pitchOf } from './tones';

/** Three half-second notes at 120 BPM, a half-second rest, then a fourth note. */
const melody: NoteSequence = {
  notes: [
    { pitch: 62, velocity: 0.9, start: 0, duration: 1 },
    { pitch: 69, velocity: 0.7, start: 1, duration: 1 },
    { pitch: 74, velocity: 1, start: 2, duration: 1 },
    { pitch: 67, velocity: 0.8, start: 4, duration: 1 },
  ],
  tempo: 120, timeSignature: { numerator: 4, denominator: 4 }, length: 5,
};
const hz = (pitch: number) => 440 * 2 ** ((pitch - 69) / 12);
const segment = (clip: AudioClip, from: number, to: number): AudioClip =>
  ({ sampleRate: clip.sampleRate, channels: [clip.channels[0].subarray(Math.round(from * clip.sampleRate), Math.round(to * clip.sampleRate))] });

const services: ModelService[] = [];
afterAll(() => Promise.all(services.map((s) => s.dispose())));

/** Renders the melody and checks each note's pitch, the rest and the level. */
async function checkMelody(service: ModelService, params: Record<string, unknown>): Promise<void> {
  services.push(service);
  const { outputs, previews } = await runNode(ddspInstrumentNode, { notes: melody }, { tail: 0.5, ...params }, { services: fixtureServices(service) });
  const clip = outputs.audio as AudioClip;
  expect(clip.sampleRate).toBe(Number(params.sampleRate ?? 44100));
  expect(clip.channels[0].length / clip.sampleRate).toBeCloseTo(3, 2);
  for (const note of melody.notes) {
    const start = note.start / 2;
    const { hz: heard, voiced } = pitchOf(clip, start + 0.15, start + 0.45);
    expect(voiced, `note ${note.pitch} is voiced`).toBeGreaterThan(0.9);
    expect(Math.abs(cents(heard, hz(note.pitch))), `note ${note.pitch}: heard ${heard.toFixed(1)} Hz`).toBeLessThan(25);
  }
  const playing = rms(segment(clip, 0.1, 1.4));
  expect(playing).toBeGreaterThan(0.01);
  expect(rms(segment(clip, 1.75, 1.95))).toBeLessThan(playing / 30); // the rest, after the release
  expect(previews?.map((p) => p.kind)).toEqual(['heatmap', 'waveform', 'spectrogram']);
}

describe('ddsp.instrument', () => {
  it('plays each note at its pitch (fixture decoder, 16 kHz)', () => checkMelody(fixtureDecoderService(), { sampleRate: '16000' }));

  for (const instrument of ['sax', 'violin']) {
    it.skipIf(!hasShippedDecoder(instrument))(`plays each note at its pitch on the shipped ${instrument} (48 kHz)`,
      () => checkMelody(createNodeModelService(), { instrument, sampleRate: '48000' }), 60_000);
  }

  it('gives the same audio as notes-features → decoder → synth wired by hand', async () => {
    const service = fixtureDecoderService();
    services.push(service);
    const opts = { services: fixtureServices(service), seed: 5 };
    const params = { glide: 0.1, vibratoDepth: 30, pitchShift: 1 / 12, loudnessShift: 3, sampleRate: '16000', reverb: 0.2 };
    const one = (await runNode(ddspInstrumentNode, { notes: melody }, params, opts)).outputs.audio as AudioClip;
    const { features } = (await runNode(notesFeaturesNode, { notes: melody }, { glide: 0.1, vibratoDepth: 30 }, opts)).outputs;
    const { controls } = (await runNode(decoderNode, { features }, { pitchShift: 1 / 12, loudnessShift: 3 }, opts)).outputs;
    const three = (await runNode(synthNode, { controls }, { sampleRate: '16000', reverb: 0.2 }, opts)).outputs.audio as AudioClip;
    expect(one.channels[0]).toEqual(three.channels[0]);
  });

  it('plays a keyboard take on `events` together with the clip on `notes`', async () => {
    const service = fixtureDecoderService();
    services.push(service);
    const opts = { services: fixtureServices(service), seed: 2 };
    const params = { sampleRate: '16000', tail: 0.5 };
    const whole = (await runNode(ddspInstrumentNode, { notes: melody }, params, opts)).outputs.audio as AudioClip;
    const clip = { ...melody, notes: melody.notes.slice(0, 2), length: 2 };
    const take = { ...melody, notes: melody.notes.slice(2) };
    const split = (await runNode(ddspInstrumentNode, { notes: clip, events: take }, params, opts)).outputs.audio as AudioClip;
    expect(split.channels[0]).toEqual(whole.channels[0]);
    const keysOnly = (await runNode(ddspInstrumentNode, { events: take }, params, opts)).outputs.audio as AudioClip;
    expect(rms(segment(keysOnly, 0.1, 0.9))).toBeLessThan(1e-4); // the clip's notes are not there
    expect(rms(segment(keysOnly, 1.1, 1.4))).toBeGreaterThan(0.01);
  });

  it('a cancelled run stops with CancelledError', async () => {
    const service = fixtureDecoderService();
    services.push(service);
    const controller = new AbortController();
    const long: NoteSequence = { ...melody, notes: Array.from({ length: 40 }, (_, i) => ({ pitch: 60 + (i % 12), velocity: 0.8, start: i, duration: 1 })), length: 40 };
    const run = runNode(ddspInstrumentNode, { notes: long }, {}, {
      services: fixtureServices(service), signal: controller.signal,
      onProgress: (f) => { if (f > 0.05) controller.abort(); },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
  });
});
