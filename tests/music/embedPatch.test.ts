import { describe, expect, it } from 'vitest';
import { decodePatchText, encodePatchText, PATCH_TEXT_PREFIX } from '../../src/music/embedPatch';

describe('patch text for MIDI meta events', () => {
  it('packs JSON into prefixed base64 that is shorter than the JSON and unpacks it exactly', () => {
    const json = JSON.stringify({ nodes: Array.from({ length: 40 }, (_, i) => ({ id: `n${i}`, type: 'markov.train', params: { order: 2 } })), title: 'Ré ♪' });
    const text = encodePatchText(json);
    expect(text.startsWith(PATCH_TEXT_PREFIX)).toBe(true);
    expect(text.slice(PATCH_TEXT_PREFIX.length)).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(text.length).toBeLessThan(json.length / 4);
    expect(decodePatchText(text)).toBe(json);
  });

  it('returns null for other text and throws for a damaged patch', () => {
    expect(decodePatchText('Q:120')).toBeNull();
    expect(() => decodePatchText(`${PATCH_TEXT_PREFIX}AAAA`)).toThrow(/embedded patch is damaged/);
  });
});
