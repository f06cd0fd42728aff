/**
 * The corpora `corpus.load` offers: each option names a vendored corpus, the splits and the voices
 * it takes. The corpus data modules are loaded lazily with `import()`, so the browser build puts
 * them in their own chunks and fetches them only when a patch asks for them.
 */
import type { CompactCorpus, CompactTune, CorpusSplit } from '../../../corpora/format';

/** Corpus choices of the `corpus.load` node. */
export const CORPUS_OPTIONS = [
  'irish-train', 'irish-test', 'irish-all',
  'jsb-soprano-train', 'jsb-soprano-valid', 'jsb-soprano-test',
  'jsb-chorales-train', 'jsb-chorales-valid', 'jsb-chorales-test',
] as const;

/** One of CORPUS_OPTIONS. */
export type CorpusOption = (typeof CORPUS_OPTIONS)[number];

interface CorpusChoice {
  load: () => Promise<CompactCorpus>;
  splits: readonly CorpusSplit[];
  /** Voice indices taken from every tune (JSB: 0 = soprano … 3 = bass). */
  voices: readonly number[];
}

const loadIrish = async (): Promise<CompactCorpus> => (await import('../../../corpora/irish')).irishCorpus;
const loadJsb = async (): Promise<CompactCorpus> => (await import('../../../corpora/jsb')).jsbCorpus;
const SATB = [0, 1, 2, 3] as const;

const CHOICES: Record<CorpusOption, CorpusChoice> = {
  'irish-train': { load: loadIrish, splits: ['train'], voices: [0] },
  'irish-test': { load: loadIrish, splits: ['test'], voices: [0] },
  'irish-all': { load: loadIrish, splits: ['train', 'test'], voices: [0] },
  'jsb-soprano-train': { load: loadJsb, splits: ['train'], voices: [0] },
  'jsb-soprano-valid': { load: loadJsb, splits: ['valid'], voices: [0] },
  'jsb-soprano-test': { load: loadJsb, splits: ['test'], voices: [0] },
  'jsb-chorales-train': { load: loadJsb, splits: ['train'], voices: SATB },
  'jsb-chorales-valid': { load: loadJsb, splits: ['valid'], voices: SATB },
  'jsb-chorales-test': { load: loadJsb, splits: ['test'], voices: SATB },
};

/** The tunes of a corpus option, with the corpus they come from and the voices to take. */
export interface CorpusSelection {
  corpus: CompactCorpus;
  tunes: CompactTune[];
  voices: readonly number[];
}

/**
 * Loads a corpus option and selects tunes: one by index (`tune` ≥ 0) or the first `maxTunes` (0 = all).
 * @example
 * const { tunes } = await selectCorpus('irish-train', { maxTunes: 10, tune: -1 }); // 10 tunes
 */
export async function selectCorpus(option: string, pick: { maxTunes: number; tune: number }): Promise<CorpusSelection> {
  const choice = CHOICES[option as CorpusOption];
  if (!choice) throw new Error(`corpus: unknown corpus "${option}" (expected one of ${CORPUS_OPTIONS.join(', ')})`);
  const corpus = await choice.load();
  const all = corpus.tunes.filter((t) => choice.splits.includes(t.split));
  let tunes: CompactTune[];
  if (pick.tune >= 0) {
    if (pick.tune >= all.length) throw new Error(`corpus: tune ${pick.tune} does not exist; ${option} has tunes 0–${all.length - 1}`);
    tunes = [all[pick.tune]];
  } else {
    tunes = pick.maxTunes > 0 ? all.slice(0, pick.maxTunes) : all;
  }
  return { corpus, tunes, voices: choice.voices };
}
