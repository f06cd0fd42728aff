/**
 * Patches travel inside what they render: in a MIDI file, as a text meta event holding
 * `genpatch:` followed by the patch JSON, deflated (fflate) and base64-encoded. Dropping the file
 * back on the canvas finds that event and reopens the patch.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { parseMidiBytes } from './midiParse';

/** Prefix that marks a MIDI text event as an embedded patch. */
export const PATCH_TEXT_PREFIX = 'genpatch:';

/**
 * Packs patch JSON into the text of a MIDI meta event: prefix + base64(deflate(UTF-8)).
 * @example
 * encodePatchText('{"format":"genpatch"}'); // 'genpatch:q1ZKSy...'
 */
export function encodePatchText(patchJson: string): string {
  const packed = deflateSync(strToU8(patchJson), { level: 9 });
  return PATCH_TEXT_PREFIX + btoa(strFromU8(packed, true));
}

/**
 * Unpacks text made by `encodePatchText`; null when the text is not an embedded patch, an Error
 * when it is one but is damaged.
 * @example
 * decodePatchText(encodePatchText('{"a":1}')); // '{"a":1}'
 */
export function decodePatchText(text: string): string | null {
  if (!text.startsWith(PATCH_TEXT_PREFIX)) return null;
  try {
    const packed = strToU8(atob(text.slice(PATCH_TEXT_PREFIX.length)), true);
    return strFromU8(inflateSync(packed));
  } catch (err) {
    throw new Error(`embedded patch is damaged (${err instanceof Error ? err.message : String(err)})`);
  }
}

/**
 * The patch JSON embedded in a MIDI file's first track by `writeMidi`, or null if it has none.
 * @example
 * const json = extractPatchFromMidi(bytes); // '{"format":"genpatch",...}' or null
 */
export function extractPatchFromMidi(bytes: Uint8Array, fileName = 'MIDI file'): string | null {
  const midi = parseMidiBytes(bytes, fileName);
  for (const event of midi.header.meta) {
    if (event.type !== 'text' || !event.text.startsWith(PATCH_TEXT_PREFIX)) continue;
    try {
      return decodePatchText(event.text);
    } catch (err) {
      throw new Error(`${fileName}: ${(err as Error).message}`);
    }
  }
  return null;
}
