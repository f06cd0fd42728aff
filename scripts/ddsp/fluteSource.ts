/**
 * The source clip of patches/ddsp-timbre-transfer.genpatch.json: a short flute phrase, written in
 * genpatch's note notation, rendered by FluidSynth with the FluidR3 GM flute (reverb and chorus
 * off) at 16 kHz, mixed to mono and normalised by sox without dither (so reruns give the same
 * bytes): a recording of another instrument for the DDSP saxophone to take over.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeMidi } from '../../src/music/midiWrite';
import { parseNotation } from '../../src/music/notation';
import { run } from './shell';

/** The phrase: D major, within the alto saxophone's sounding range (D♭3–A♭5). */
export const FLUTE_PHRASE = 'D4/8 E4 F#4/4 A4/8 B4 A4/4 F#4/8 E4 D4/2';
/** Tempo of the phrase in BPM. */
export const FLUTE_TEMPO = 100;
/** General MIDI program 74 (flute), 0-based. */
const FLUTE_PROGRAM = 73;
/** Where Debian's fluid-soundfont-gm puts FluidR3 GM. */
export const FLUIDR3 = '/usr/share/sounds/sf2/FluidR3_GM.sf2';

/**
 * The phrase as a 16 kHz, 16-bit mono WAV file (bytes).
 * @example
 * const wav = renderFluteSource();
 */
export function renderFluteSource(soundfont = FLUIDR3): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'ddsp-flute-'));
  try {
    const seq = parseNotation(FLUTE_PHRASE, { tempo: FLUTE_TEMPO, velocity: 0.8 });
    seq.voices = [{ name: 'flute', program: FLUTE_PROGRAM }];
    writeFileSync(join(dir, 'phrase.mid'), writeMidi(seq));
    run('fluidsynth', ['-ni', '-q', '-R', '0', '-C', '0', '-r', '16000', '-F', join(dir, 'stereo.wav'), soundfont, join(dir, 'phrase.mid')]);
    run('sox', ['-D', join(dir, 'stereo.wav'), '-c', '1', '-b', '16', join(dir, 'flute.wav'), 'norm', '-6', 'trim', '0', '4.5']);
    return new Uint8Array(readFileSync(join(dir, 'flute.wav')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
