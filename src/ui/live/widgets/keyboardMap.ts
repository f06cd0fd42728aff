/** Computer-keyboard playing: the usual two rows of a DAW (A = C, W = C♯ … ; = E), Z/X octave, C/V velocity. Physical keys (event.code), so any layout works. */

/** Semitones above the current octave's C, by KeyboardEvent.code. */
export const KEY_SEMITONES: Readonly<Record<string, number>> = {
  KeyA: 0, KeyW: 1, KeyS: 2, KeyE: 3, KeyD: 4, KeyF: 5, KeyT: 6, KeyG: 7, KeyY: 8, KeyH: 9, KeyU: 10, KeyJ: 11,
  KeyK: 12, KeyO: 13, KeyL: 14, KeyP: 15, Semicolon: 16,
};

/** What a key press does to the keyboard, if anything. */
export type KeyAction =
  | { kind: 'note'; semitone: number }
  | { kind: 'octave'; delta: -1 | 1 }
  | { kind: 'velocity'; delta: -1 | 1 };

/** The action of a key (by event.code), or null. */
export function keyAction(code: string): KeyAction | null {
  if (code in KEY_SEMITONES) return { kind: 'note', semitone: KEY_SEMITONES[code] };
  if (code === 'KeyZ') return { kind: 'octave', delta: -1 };
  if (code === 'KeyX') return { kind: 'octave', delta: 1 };
  if (code === 'KeyC') return { kind: 'velocity', delta: -1 };
  if (code === 'KeyV') return { kind: 'velocity', delta: 1 };
  return null;
}

const NAMES = ['C', 'C♯', 'D', 'D♯', 'E', 'F', 'F♯', 'G', 'G♯', 'A', 'A♯', 'B'];

/** Scientific pitch name of a MIDI note (60 → C4). */
export function noteName(note: number): string {
  return `${NAMES[((note % 12) + 12) % 12]}${Math.floor(note / 12) - 1}`;
}

/** Whether a MIDI note is a black key. */
export function isBlackKey(note: number): boolean {
  return [1, 3, 6, 8, 10].includes(((note % 12) + 12) % 12);
}

/** The computer key (letter) that plays `note` with the keyboard's C at `base`, for key labels. */
export function keyLabel(note: number, base: number): string | null {
  const code = Object.keys(KEY_SEMITONES).find((c) => KEY_SEMITONES[c] === note - base);
  return code ? (code === 'Semicolon' ? ';' : code.slice(3)) : null;
}
