/** The text of docs/ddsp-evidence.md, from the measured rows of scripts/ddsp-evidence.ts. */

/** One held-out note's measurements. */
export interface NoteRow {
  name: string;
  seconds: number;
  /** Multi-scale spectral distance of the DDSP resynthesis (TypeScript + onnxruntime-web). */
  decoder: number;
  /** The same for the fixed-spectrum baseline. */
  baseline: number;
  /** The recipe's PyTorch figures for this note, if its manifest lists them. */
  torch?: { decoder: number; baseline: number };
}

/** What the page shows. */
export interface EvidenceInput {
  rows: NoteRow[];
  pictures: { name: string; png: string; wavs: string[] }[];
  trainNotes: number;
  rule: string;
  torchMeans?: { decoder: number; baseline: number };
  modelSha: string;
  /** Seconds of each listening sample. */
  sampleSeconds: number;
}

const f3 = (x: number): string => x.toFixed(3);

/** How often the TypeScript and PyTorch evaluations agree on which resynthesis is closer. */
function agreement(rows: NoteRow[]): string {
  const both = rows.filter((r) => r.torch);
  if (both.length === 0) return 'the manifest lists no per-note figures to compare with.';
  const same = both.filter((r) => (r.decoder < r.baseline) === (r.torch!.decoder < r.torch!.baseline)).length;
  return `the two pipelines agree on which resynthesis is closer for ${same} of ${both.length} notes.`;
}

/**
 * The markdown page.
 * @example
 * writeFileSync('docs/ddsp-evidence.md', evidencePage(input));
 */
export function evidencePage(input: EvidenceInput): string {
  const { rows } = input;
  const mean = (pick: (r: NoteRow) => number): number => rows.reduce((s, r) => s + pick(r), 0) / rows.length;
  const closer = rows.filter((r) => r.decoder < r.baseline).length;
  const torchCell = (r: NoteRow): string => (r.torch ? `${f3(r.torch.decoder)} / ${f3(r.torch.baseline)}` : '—');
  const table = [
    '| held-out note | seconds | DDSP decoder | baseline | decoder ÷ baseline | recipe (PyTorch): decoder / baseline |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.name} | ${r.seconds.toFixed(2)} | **${f3(r.decoder)}** | ${f3(r.baseline)} | ${(r.decoder / r.baseline).toFixed(2)} | ${torchCell(r)} |`),
    `| **mean** | | **${f3(mean((r) => r.decoder))}** | ${f3(mean((r) => r.baseline))} | ${(mean((r) => r.decoder) / mean((r) => r.baseline)).toFixed(2)} | ${input.torchMeans ? `${f3(input.torchMeans.decoder)} / ${f3(input.torchMeans.baseline)}` : '—'} |`,
  ].join('\n');
  const pictures = input.pictures.map((p) => [
    `### ${p.name}`,
    '',
    `![Spectrograms of ${p.name}: original (top), DDSP resynthesis (middle), fixed-spectrum baseline (bottom)](${p.png})`,
    '',
    `Listen (first ${input.sampleSeconds} s, 16 kHz): [original](${p.wavs[0]}) · [DDSP resynthesis](${p.wavs[1]}) · [baseline](${p.wavs[2]})`,
  ].join('\n')).join('\n\n');
  return `# DDSP saxophone: held-out evidence

Written by \`npx tsx scripts/ddsp-evidence.ts\` (needs \`sox\` and the Karoryfer Weresax FLACs in
\`/work/shared/datasets/karoryfer_weresax_alto_cc0\`; pass \`--data DIR\` otherwise). Model:
\`public/models/ddsp-sax/model.onnx\`, sha256 \`${input.modelSha.slice(0, 16)}…\`.

**Question.** Does the trained decoder model the saxophone, or would any harmonic synth driven by
the same pitch and loudness do as well? Each note the recipe held out (${input.rule}) is
resynthesized from its own features and compared with the original by the multi-scale spectral
distance of [docs/ddsp.md](ddsp.md) (FFT sizes 2048…64, linear + log magnitude; lower is closer).

**Pipeline, all in the code the app runs.** The FLAC note is decoded by sox and prepared as the
recipe prepares it (mono, 20 Hz zero-phase high-pass, resampled to 16 kHz by \`src/dsp/resample.ts\`,
trimmed to 0.1 s around the frames within 50 dB of the peak); \`extractFeatures\` (YIN f0, A-weighted
loudness, 250 frames/s) gives the curves, unvoiced frames filled from the nearest voiced one;
\`nodes/ddsp/decoder.ts\` runs the ONNX decoder in onnxruntime-web (WASM, one thread, one-second
chunks carrying the GRU state) and \`src/dsp/ddspSynth.ts\` renders harmonic + filtered noise at 16 kHz.

**Baseline** (the one the recipe's manifest describes): the same additive synth with one fixed
spectrum — the mean harmonic distribution of the ${input.trainNotes} training notes' loud frames — at the
note's own f0, its amplitude set so that its A-weighted loudness equals the note's, no noise. It
has the right pitch and loudness everywhere; only the timbre (and its change with pitch, dynamics
and time) and the breath noise are missing — exactly what the decoder is supposed to add.

## Result

${table}

The decoder is closer on **${closer} of ${rows.length}** held-out notes; on average its distance is
${(100 * (1 - mean((r) => r.decoder) / mean((r) => r.baseline))).toFixed(0)} % below the baseline's. The last column repeats the recipe's own
evaluation (PyTorch features, synth and noise) from the model manifest: ${agreement(rows)} The
figures differ a little because the resampler, the noise generator and YIN's implementation differ.
Speed is measured by \`npm run bench -- ddsp\` (figures in [docs/ddsp.md](ddsp.md#nodes-evidence-and-speed)).

## Spectrograms and listening samples

Each picture stacks, on one dB scale (80 dB range, 0–8 kHz, 32 ms windows): the original note
(top), the DDSP resynthesis (middle) and the baseline (bottom).

${pictures}
`;
}
