/**
 * Lays a corpus selection out as one NoteSequence: tunes follow each other in time (each starts on
 * the bar after the previous one ends, so the corpus can be listened to), and every voice of every
 * tune gets its own `voice` index. Sequence learners (markov.train) treat each voice as a separate
 * sequence, so nothing is learnt across tune boundaries.
 */
import type { Note, NoteSequence, TempoChange, VoiceInfo } from '../../../src/engine/values';
import { roundUpToBar } from '../../../src/music/noteSequence';
import { decodeVoice, voiceBeats } from '../../../corpora/format';
import type { CorpusSelection } from './corpusCatalog';

const VELOCITY = 0.8;

/**
 * The selection as one sequence, one voice per tune voice, tunes placed one after another.
 * @example
 * corpusToSequence(await selectCorpus('jsb-chorales-train', { maxTunes: 2, tune: -1 })).voices?.length; // 8
 */
export function corpusToSequence(selection: CorpusSelection): NoteSequence {
  const { corpus, tunes, voices } = selection;
  if (tunes.length === 0) throw new Error('corpus: the selection holds no tunes');
  const notes: Note[] = [];
  const voiceInfo: VoiceInfo[] = [];
  const tempoChanges: TempoChange[] = [];
  const first = tunes[0];
  const timeSignature = { numerator: first.meter[0], denominator: first.meter[1] };
  let offset = 0;
  let tempo = first.tempo;
  for (const tune of tunes) {
    if (tune.tempo !== tempo) tempoChanges.push({ beat: offset, bpm: tune.tempo });
    tempo = tune.tempo;
    let beats = 0;
    for (const v of voices) {
      const text = tune.voices[v];
      if (text === undefined) throw new Error(`corpus: tune "${tune.name}" has no voice ${v}`);
      const voice = voiceInfo.length;
      voiceInfo.push({ name: voices.length > 1 ? `${tune.name} ${corpus.voiceNames[v]}` : tune.name, program: 0 });
      for (const n of decodeVoice(corpus, text)) {
        notes.push({ pitch: n.pitch, velocity: VELOCITY, start: offset + n.start, duration: n.duration, voice });
      }
      beats = Math.max(beats, voiceBeats(corpus, text));
    }
    offset += roundUpToBar(beats, { numerator: tune.meter[0], denominator: tune.meter[1] });
  }
  notes.sort((a, b) => a.start - b.start || (a.voice ?? 0) - (b.voice ?? 0));
  const seq: NoteSequence = { notes, tempo: first.tempo, timeSignature, length: offset, voices: voiceInfo };
  if (tempoChanges.length > 0) seq.tempoChanges = tempoChanges;
  return seq;
}
