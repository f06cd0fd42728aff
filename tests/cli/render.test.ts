import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { peakDbfs, rms } from '../../src/dsp/measure';
import { extractPatchFromWav, readWav } from '../../src/dsp/wav';
import { extractPatchFromMidi, readMidi } from '../../src/music/midi';
import { runCli } from './cliRunner';

const dir = mkdtempSync(join(tmpdir(), 'genpatch-render-'));

describe('genpatch render', () => {
  it('renders the example patch to a non-silent WAV and a MIDI file, both carrying the patch', () => {
    const wav = join(dir, 'first.wav');
    const mid = join(dir, 'first.mid');
    const r = runCli(['render', 'patches/first-patch.genpatch.json', '--out', wav, '--midi', mid, '--seed', '1']);
    expect(r.stderr).toContain('wrote');
    expect(r.code).toBe(0);
    const audio = readWav(new Uint8Array(readFileSync(wav)));
    expect(audio.sampleRate).toBe(44100);
    expect(audio.channels[0].length / audio.sampleRate).toBeGreaterThan(10);
    expect(rms(audio)).toBeGreaterThan(0.01);
    expect(peakDbfs(audio)).toBeLessThanOrEqual(0);
    const notes = readMidi(new Uint8Array(readFileSync(mid)));
    expect(notes.notes.length).toBeGreaterThan(100);
    const tune = readMidi(new Uint8Array(readFileSync('tests/fixtures/midi/AchonryLassesreelThe.mid')));
    // The reel's notes are transposed up a tone and then forced into D dorian: every pitch class is in the scale.
    const dorian = new Set([2, 4, 5, 7, 9, 11, 0]);
    expect(notes.notes.every((n) => dorian.has(n.pitch % 12))).toBe(true);
    expect(notes.notes.length).toBe(tune.notes.length + 16);
    const embedded = extractPatchFromWav(new Uint8Array(readFileSync(wav)));
    expect(JSON.parse(embedded!).meta.title).toMatch(/First patch/);
    expect(JSON.parse(extractPatchFromMidi(new Uint8Array(readFileSync(mid)))!).nodes).toHaveLength(9);
  });

  it('writes every export node into --exports', () => {
    const out = join(dir, 'exports');
    const r = runCli(['render', 'patches/first-patch.genpatch.json', '--exports', out]);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'first-patch.mid'))).toBe(true);
  });

  it('refuses to render an invalid patch, listing its problems', () => {
    const r = runCli(['render', 'tests/fixtures/patches/bad/cycle.genpatch.json', '--out', join(dir, 'x.wav')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cycle/);
    expect(r.stderr).toMatch(/invalid patch/);
    expect(existsSync(join(dir, 'x.wav'))).toBe(false);
  });

  it('gives one clear line for usage mistakes', () => {
    for (const args of [['render', 'patches/first-patch.genpatch.json'], ['render'], ['frobnicate'], ['render', 'p.json', '--seed', 'abc', '--out', 'x.wav']]) {
      const r = runCli(args);
      expect(r.code).not.toBe(0);
      expect(r.stderr.split('\n')[0]).toMatch(/^genpatch: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('genpatch nodes', () => {
  it('lists every node type as JSON with ports, params and doc', () => {
    const r = runCli(['nodes', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { type: string; doc: string; inputs: object; params: object }[];
    const types = list.map((d) => d.type);
    for (const t of ['midi.file', 'notes.clip', 'notes.transpose', 'notes.quantize-scale', 'notes.merge', 'instrument.poly', 'export.wav', 'export.midi']) {
      expect(types).toContain(t);
    }
    expect(list.every((d) => d.doc.length > 40)).toBe(true);
  });

  it('prints a readable text listing', () => {
    const r = runCli(['nodes']);
    expect(r.stdout).toMatch(/notes\.transpose — Transpose/);
    expect(r.stdout).toMatch(/semitones: int -48\.\.48 = 0/);
  });
});
