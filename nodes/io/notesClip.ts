/** The `notes.clip` node: a note clip typed as text in genpatch's small notation. */
import { defineNode } from '../../src/engine/node';
import { parseMeter, parseNotation } from '../../src/music/notation';

/** Turns text such as "C4/4 E4/8 G4/8 r/4 [C4 E4 G4]/2" into notes. */
export const notesClipNode = defineNode({
  type: 'notes.clip',
  title: 'Note clip',
  category: 'io',
  doc: 'Turns a few notes typed as text into a sequence, the quickest way to give a patch a motif, '
    + 'a bass line or a prompt. Each token is a note name with a note value, in the spirit of '
    + 'LilyPond and ABC: C4/4 a quarter-note middle C, /8 an eighth, /4. dotted, /8t a triplet '
    + 'eighth, r/4 a quarter rest, [C4 E4 G4]/2 a half-note chord, C4/8@0.5 a soft note; a value '
    + 'carries over to the next token (C4/8 D4 E4 are three eighths) and | bar lines are ignored. '
    + 'The clip lasts as long as its written values, trailing rests included.',
  outputs: { notes: { type: 'notes' } },
  params: {
    text: { kind: 'text', default: 'C4/4 E4/8 G4/8 r/4 [C4 E4 G4]/2', multiline: true, doc: 'The notes, e.g. C4/4 E4/8 G4/8 r/4 [C4 E4 G4]/2.' },
    tempo: { kind: 'float', default: 120, min: 20, max: 400, unit: 'BPM', doc: 'Tempo in quarter notes per minute.' },
    meter: { kind: 'text', default: '4/4', doc: 'Time signature, e.g. 4/4, 3/4, 6/8.' },
    velocity: { kind: 'float', default: 0.8, min: 0.01, max: 1, step: 0.01, doc: 'Velocity of notes written without @.' },
  },
  run: (_inputs, { text, tempo, meter, velocity }) => {
    let notes;
    try {
      notes = parseNotation(text, { tempo, timeSignature: parseMeter(meter), velocity });
    } catch (e) {
      throw new Error(`notes.clip: ${(e as Error).message}`);
    }
    return {
      outputs: { notes },
      previews: [{ kind: 'pianoroll', title: 'Clip', port: 'notes' }],
    };
  },
});
