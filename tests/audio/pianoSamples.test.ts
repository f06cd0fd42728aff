import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pianoSampleDir } from '../../src/audio/pianoSampleDir';
import { PIANO_SAMPLES, pianoSampleUrl, sampleNamePitch } from '../../src/audio/pianoSamples';
import { pianoSampleForPath } from '../../src/audio/pianoSamplesVitePlugin';
import { firstSoundingFrame } from '../../src/audio/sampleTrim';

describe('piano samples', () => {
  it('names pitches from note names (C4 = 60)', () => {
    expect(sampleNamePitch('C4')).toBe(60);
    expect(sampleNamePitch('A0')).toBe(21);
    expect(sampleNamePitch('D#1')).toBe(27);
    expect(sampleNamePitch('C8')).toBe(108);
    expect(() => sampleNamePitch('H2')).toThrow(/H2/);
  });

  it('covers A0–C8 every minor third, and every file is installed', () => {
    const pitches = PIANO_SAMPLES.map((s) => s.pitch);
    expect(pitches[0]).toBe(21);
    expect(pitches[pitches.length - 1]).toBe(108);
    for (let i = 1; i < pitches.length; i++) expect(pitches[i] - pitches[i - 1]).toBe(3);
    for (const s of PIANO_SAMPLES) expect(existsSync(join(pianoSampleDir(), s.file)), s.file).toBe(true);
  });

  it('escapes # in sample URLs', () => {
    expect(pianoSampleUrl('/samples/piano', 'D#4v10.mp3')).toBe('/samples/piano/D%234v10.mp3');
  });

  it('maps served paths back to sample files and refuses anything else', () => {
    expect(pianoSampleForPath('/samples/piano/D%234v10.mp3?import')).toBe('D#4v10.mp3');
    expect(pianoSampleForPath('/samples/piano/A4v10.mp3')).toBe('A4v10.mp3');
    expect(pianoSampleForPath('/samples/piano/..%2Fpackage.json')).toBeNull();
    expect(pianoSampleForPath('/samples/piano/%E0%A4%A')).toBeNull();
    expect(pianoSampleForPath('/other/A4v10.mp3')).toBeNull();
  });

  it('finds the first frame above −30 dB of the peak over all channels', () => {
    const a = new Float32Array([0, 0, 0.001, 0.02, 0, 0]);
    const b = new Float32Array([0, 0, 0, 0, 0.5, 0]);
    expect(firstSoundingFrame([a, b])).toBe(3);
    expect(firstSoundingFrame([new Float32Array(3)])).toBe(0);
  });
});
