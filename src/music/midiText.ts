/**
 * MIDI text meta events are raw bytes, and midi-file reads and writes them one byte per character
 * (Latin-1). These helpers carry names through as UTF-8, and still read legacy Latin-1 names.
 */

/** A string as a byte-per-character string of its UTF-8 encoding, ready for midi-file to write. */
export function toMidiText(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) out += String.fromCharCode(byte);
  return out;
}

/** Decodes a byte-per-character string read by midi-file as UTF-8, or keeps it as Latin-1 if it is not UTF-8. */
export function fromMidiText(raw: string): string {
  const bytes = Uint8Array.from(raw, (c) => c.charCodeAt(0) & 0xff);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return raw;
  }
}
