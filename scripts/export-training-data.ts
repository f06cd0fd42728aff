/**
 * Writes the vendored corpora (corpora/*.ts) as gzipped JSON notes for the Python recipes, so that
 * training and the TypeScript nodes read exactly the same music:
 * training/data/<id>.notes.json.gz = { id, credit, tunes: [{ name, split, tempo, meter, key, notes: [[pitch, start, duration, voice]] }] }.
 * Run: npx tsx scripts/export-training-data.ts
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'fflate';
import { decodeVoice, type CompactCorpus } from '../corpora/format';
import { irishCorpus } from '../corpora/irish';
import { jsbCorpus } from '../corpora/jsb';

const LETTERS: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };

/** Parses 'G major' / 'Bb minor' / 'F# dorian' into a tonic pitch class and a mode. */
export function parseKey(text: string | undefined): { tonic: number; mode: string } | null {
  const m = text?.trim().match(/^([A-G])([#b]*)\s+(\w+)$/);
  if (!m) return null;
  const shift = [...m[2]].reduce((s, c) => s + (c === '#' ? 1 : -1), 0);
  return { tonic: (LETTERS[m[1]] + shift + 12) % 12, mode: m[3].toLowerCase() };
}

function exportCorpus(corpus: CompactCorpus): void {
  const tunes = corpus.tunes.map((tune) => ({
    name: tune.name,
    split: tune.split,
    tempo: tune.tempo,
    meter: tune.meter,
    key: parseKey(tune.key),
    notes: tune.voices.flatMap((text, voice) => decodeVoice(corpus, text).map((n) => [n.pitch, n.start, n.duration, voice])),
  }));
  const json = JSON.stringify({ id: corpus.id, credit: corpus.credit, voiceNames: corpus.voiceNames, tunes });
  const file = `training/data/${corpus.id}.notes.json.gz`;
  writeFileSync(file, gzipSync(new TextEncoder().encode(json), { level: 9, mtime: 0 }));
  console.log(`${file}: ${tunes.length} tunes, ${tunes.reduce((s, t) => s + t.notes.length, 0)} notes`);
}

exportCorpus(irishCorpus);
exportCorpus(jsbCorpus);
