import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeShareLink, encodeShareLink, loadPatch, loadShareLink, serializePatch } from '../../../src/engine/patch';
import { base64UrlEncode } from '../../../src/engine/patch/base64';
import { fixture } from './fixtures';
import { testRegistry } from './testRegistry';

const registry = testRegistry();
const errorOf = (fragment: string): string => {
  const { text, problems } = decodeShareLink(fragment);
  expect(text).toBeNull();
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ path: '$', severity: 'error', file: 'share link' });
  return problems[0].message;
};

describe('share links', () => {
  const patch = loadPatch(fixture('good', 'melody-chain'), registry).patch!;

  it('round-trips a patch through a URL fragment, placeholders included', () => {
    for (const name of ['melody-chain', 'placeholder']) {
      const original = loadPatch(fixture('good', name), registry).patch!;
      const fragment = encodeShareLink(original);
      expect(fragment).toMatch(/^patch=[A-Za-z0-9_-]+$/);
      const loaded = loadShareLink(`https://genpatch.example/app#${fragment}`, registry);
      expect(serializePatch(loaded.patch!)).toBe(serializePatch(original));
    }
  });

  it('is much shorter than the file', () => {
    const fragment = encodeShareLink(patch);
    expect(fragment.length).toBeLessThan(serializePatch(patch).length / 2);
  });

  it('accepts a bare fragment, a "#" fragment and other fragment keys', () => {
    const fragment = encodeShareLink(patch);
    for (const form of [fragment, `#${fragment}`, `#view=canvas&${fragment}`]) {
      expect(decodeShareLink(form).text).toBe(JSON.stringify(JSON.parse(decodeShareLink(fragment).text!)));
    }
  });

  it('says clearly why a link cannot be decoded', () => {
    const fragment = encodeShareLink(patch);
    expect(errorOf('https://genpatch.example/#view=canvas')).toBe('the link carries no patch (expected a fragment "#patch=…")');
    expect(errorOf('#patch=')).toBe('the link carries an empty patch: it was probably cut off');
    expect(errorOf('#patch=ab+cd')).toBe('the link is damaged (not base64url: invalid character "+" at position 2)');
    expect(errorOf(fragment.slice(0, fragment.length / 2))).toMatch(/^the link is damaged or cut off \(decompression failed: /);
    const notText = base64UrlEncode(deflateSync(new Uint8Array([0xff, 0xfe, 0x00])));
    expect(errorOf(`patch=${notText}`)).toBe('the link is damaged (its content is not UTF-8 text)');
  });

  it('refuses a link that inflates past 10 MB', () => {
    const bomb = base64UrlEncode(deflateSync(new Uint8Array(11 * 1024 * 1024).fill(32), { level: 9 }));
    expect(bomb.length).toBeLessThan(20_000);
    expect(errorOf(`patch=${bomb}`)).toBe('the patch in the link is larger than 10485760 bytes once decompressed');
  });

  it('reports problems of the patch inside a link under the name "share link"', () => {
    const json = JSON.stringify({ format: 'genpatch', version: 9 });
    const { patch: none, problems } = loadShareLink(`patch=${base64UrlEncode(deflateSync(new TextEncoder().encode(json)))}`, registry);
    expect(none).toBeNull();
    expect(problems[0]).toMatchObject({ path: '$.version', file: 'share link' });
  });
});
