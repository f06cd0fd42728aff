/**
 * Evidence that the DDSP saxophone decoder models the instrument: each held-out Weresax note (the
 * model manifest's `data.heldOut.notes`) is resynthesized from its own features — TypeScript
 * feature extraction → the ONNX decoder in onnxruntime-web (WASM) → the TypeScript synth — and
 * compared by multi-scale spectral distance (docs/ddsp.md) with the original, against the
 * recipe's baseline: an additive synth with the training notes' average harmonic spectrum at the
 * same f0 and loudness. Writes docs/ddsp-evidence.md, spectrogram PNGs and 2 s listening WAVs
 * under docs/ddsp/.
 *
 * Run: npx tsx scripts/ddsp-evidence.ts [--data <karoryfer_weresax_alto_cc0 dir>]   (needs sox)
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DDSP_SAMPLE_RATE } from '../src/dsp/ddspContract';
import { ddspSynth } from '../src/dsp/ddspSynth';
import { multiScaleSpectralDistance } from '../src/dsp/spectralDistance';
import { writeWav } from '../src/dsp/wav';
import type { SynthControls } from '../src/engine/values';
import { createNodeModelService, SHIPPED_MODELS_DIR } from '../src/ml/nodeModels';
import { DDSP_DECODER_CONTRACT, decodeAll } from '../nodes/ddsp/decoder';
import { averageHarmonicSpectrum, baselineControls } from './ddsp/baseline';
import { evidencePage, type NoteRow } from './ddsp/evidencePage';
import { prepareNote, type PreparedNote } from './ddsp/saxNotes';
import { spectrogramPng } from './ddsp/spectrogramImage';

/** The seed of the synth's noise (the recipe's EVAL_SEED; the noise generators differ, the level does not). */
const SEED = 1234;
/** Seconds of each listening sample. */
const SAMPLE_SECONDS = 2;
const OUT_DIR = 'docs/ddsp';

interface Manifest {
  data: { heldOut: { notes: string[]; rule: string } };
  metrics: { heldOutMultiScaleSpectralDistance?: { decoder: number; baseline: number; perClip?: { clip: string; decoder: number; baseline: number }[] } };
  training?: { params?: number; hidden?: number };
}

function argument(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** Renders controls to exactly `length` samples at 16 kHz. */
function render(controls: SynthControls, length: number): Float32Array {
  return ddspSynth(controls, { sampleRate: DDSP_SAMPLE_RATE, seed: SEED, length }).channels[0];
}

function writeSample(path: string, audio: Float32Array): void {
  const clip = audio.slice(0, SAMPLE_SECONDS * DDSP_SAMPLE_RATE).map((v) => Math.max(-1, Math.min(1, v)));
  writeFileSync(path, writeWav({ sampleRate: DDSP_SAMPLE_RATE, channels: [clip] }, { bitDepth: 16 }));
}

async function main(): Promise<void> {
  const dataDir = argument('--data', '/work/shared/datasets/karoryfer_weresax_alto_cc0');
  const manifest = JSON.parse(readFileSync(join(SHIPPED_MODELS_DIR, 'ddsp-sax', 'manifest.json'), 'utf8')) as Manifest;
  const heldOut = new Set(manifest.data.heldOut.notes);
  const files = readdirSync(join(dataDir, 'flac')).filter((f) => f.endsWith('_rr1_cnd.flac')).sort();
  const missing = [...heldOut].filter((f) => !files.includes(f));
  if (missing.length) throw new Error(`${dataDir}/flac lacks the held-out notes ${missing.join(', ')}`);
  console.log(`preparing ${files.length} notes (${heldOut.size} held out: ${manifest.data.heldOut.rule})`);
  const train: PreparedNote[] = [];
  const test: PreparedNote[] = [];
  for (const file of files) (heldOut.has(file) ? test : train).push(prepareNote(join(dataDir, 'flac', file)));
  const spectrum = averageHarmonicSpectrum(train);

  const models = createNodeModelService();
  const model = await models.load('ddsp-sax', { require: DDSP_DECODER_CONTRACT, who: 'scripts/ddsp-evidence.ts' });
  const torch = new Map((manifest.metrics.heldOutMultiScaleSpectralDistance?.perClip ?? []).map((r) => [r.clip, r]));
  mkdirSync(OUT_DIR, { recursive: true });
  const rows: NoteRow[] = [];
  const pictures: { name: string; png: string; wavs: string[] }[] = [];
  for (const note of test) {
    const decoded = await decodeAll(model, note.f0, note.loudness);
    const resynthesis = render({ frameRate: 250, f0: note.f0, ...decoded }, note.audio.length);
    const baseline = render(baselineControls(note, spectrum), note.audio.length);
    const row: NoteRow = {
      name: note.name, seconds: note.audio.length / DDSP_SAMPLE_RATE,
      decoder: multiScaleSpectralDistance(note.audio, resynthesis), baseline: multiScaleSpectralDistance(note.audio, baseline),
      torch: torch.get(note.name),
    };
    rows.push(row);
    console.log(`${note.name}: decoder ${row.decoder.toFixed(3)}, baseline ${row.baseline.toFixed(3)}`);
    if (pictures.length < 2 && (pictures.length === 0 ? /_f_/ : /_p_/).test(note.name)) {
      const stem = note.name.replace('_rr1_cnd.flac', '');
      const n = SAMPLE_SECONDS * DDSP_SAMPLE_RATE;
      writeFileSync(join(OUT_DIR, `${stem}-spectrograms.png`), spectrogramPng([note.audio.slice(0, n), resynthesis.slice(0, n), baseline.slice(0, n)]));
      const wavs = [['original', note.audio], ['ddsp', resynthesis], ['baseline', baseline]] as const;
      for (const [kind, audio] of wavs) writeSample(join(OUT_DIR, `${stem}-${kind}.wav`), audio);
      pictures.push({ name: note.name, png: `ddsp/${stem}-spectrograms.png`, wavs: wavs.map(([kind]) => `ddsp/${stem}-${kind}.wav`) });
    }
  }
  await models.dispose();
  writeFileSync('docs/ddsp-evidence.md', evidencePage({ rows, pictures, trainNotes: train.length, rule: manifest.data.heldOut.rule, torchMeans: manifest.metrics.heldOutMultiScaleSpectralDistance, modelSha: model.sha256, sampleSeconds: SAMPLE_SECONDS }));
  const mean = (key: 'decoder' | 'baseline') => rows.reduce((s, r) => s + r[key], 0) / rows.length;
  console.log(`mean: decoder ${mean('decoder').toFixed(3)}, baseline ${mean('baseline').toFixed(3)}; decoder closer on ${rows.filter((r) => r.decoder < r.baseline).length}/${rows.length}`);
  console.log('wrote docs/ddsp-evidence.md and docs/ddsp/');
}

main().catch((err) => {
  console.error(`ddsp-evidence: ${(err as Error).message}`);
  process.exit(1);
});
