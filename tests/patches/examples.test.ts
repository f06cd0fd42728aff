/**
 * Every example patch in patches/ is loaded without errors, rendered headless with a fixed seed, and
 * its output pinned: a hash of the notes reaching each export/instrument, and the audio's duration,
 * RMS and peak within a tolerance. Run with UPDATE_GOLDEN=1 to rewrite tests/patches/golden.json
 * after an intended change (and listen to the result first).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashText, stableStringify } from '../../src/engine/hash';
import type { AudioClip, NoteSequence } from '../../src/engine/values';
import { peak, rms } from '../../src/dsp/measure';
import { renderPatchFile } from './renderPatch';

interface Golden {
  notesHash: string;
  noteCount: number;
  seconds: number;
  rms: number;
  peak: number;
}

const GOLDEN = 'tests/patches/golden.json';
const golden: Record<string, Golden> = existsSync(GOLDEN) ? JSON.parse(readFileSync(GOLDEN, 'utf8')) : {};
const update = process.env.UPDATE_GOLDEN === '1';
const files = readdirSync('patches').filter((f) => f.endsWith('.genpatch.json')).sort();

describe('example patches', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(`${file} loads, describes itself and renders to pinned output`, async () => {
      const { patch, problems, evaluation } = await renderPatchFile(join('patches', file), 0);
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(problems.filter((p) => /unknown node type/.test(p.message))).toEqual([]);
      expect(patch.meta.title.length).toBeGreaterThan(3);
      expect((patch.meta.description ?? '').length).toBeGreaterThan(80);
      const failed = [...evaluation.nodes].filter(([, o]) => o.status === 'failed').map(([id, o]) => `${id}: ${o.error}`);
      expect(failed).toEqual([]);
      const outNode = patch.nodes.find((n) => n.type === 'audio.output');
      expect(outNode, 'every example ends in an audio.output node').toBeDefined();
      const audio = evaluation.nodes.get(outNode!.id)?.outputs?.audio as AudioClip;
      const notes = patch.edges
        .filter((e) => evaluation.nodes.get(e.from.node)?.outputs?.[e.from.port] && isNotes(evaluation.nodes.get(e.from.node)!.outputs![e.from.port]))
        .map((e) => evaluation.nodes.get(e.from.node)!.outputs![e.from.port] as NoteSequence);
      const actual: Golden = {
        notesHash: hashText(stableStringify(notes.map((s) => s.notes.map((n) => [n.pitch, round(n.start), round(n.duration), round(n.velocity), n.voice ?? 0])))),
        noteCount: notes.reduce((s, q) => s + q.notes.length, 0),
        seconds: round(audio.channels[0].length / audio.sampleRate),
        rms: round(rms(audio)),
        peak: round(peak(audio)),
      };
      expect(actual.rms, 'audio is not silent').toBeGreaterThan(0.005);
      expect(actual.peak).toBeLessThanOrEqual(1);
      if (update) {
        golden[file] = actual;
        return;
      }
      const want = golden[file];
      expect(want, `no golden entry for ${file}: listen to it, then run UPDATE_GOLDEN=1 npx vitest run tests/patches`).toBeDefined();
      expect(actual.notesHash).toBe(want.notesHash);
      expect(actual.noteCount).toBe(want.noteCount);
      expect(actual.seconds).toBeCloseTo(want.seconds, 2);
      expect(actual.rms).toBeGreaterThan(want.rms * 0.9);
      expect(actual.rms).toBeLessThan(want.rms * 1.1);
    }, 180_000);
  }

  afterAll(() => {
    if (update) {
      const sorted = Object.fromEntries(Object.keys(golden).filter((k) => files.includes(k)).sort().map((k) => [k, golden[k]]));
      writeFileSync(GOLDEN, `${JSON.stringify(sorted, null, 2)}\n`);
    }
  });
});

function isNotes(v: unknown): v is NoteSequence {
  return typeof v === 'object' && v !== null && Array.isArray((v as NoteSequence).notes) && typeof (v as NoteSequence).tempo === 'number';
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
