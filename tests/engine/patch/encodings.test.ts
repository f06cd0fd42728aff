import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/rng';
import { base64Decode, base64Encode, base64UrlDecode, base64UrlEncode } from '../../../src/engine/patch/base64';
import { sha256Hex } from '../../../src/engine/patch/sha256';

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
const randomBytes = (n: number, seed: number): Uint8Array => {
  const rng = createRng(seed);
  return Uint8Array.from({ length: n }, () => rng.int(256));
};

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex(bytesOf(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(bytesOf('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(bytesOf('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))
      .toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('matches node:crypto around every padding boundary and on a larger buffer', () => {
    for (const n of [1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 300_001]) {
      const data = randomBytes(n, n);
      expect(sha256Hex(data)).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });

  it('hashes a view into a larger buffer by its own bytes only', () => {
    const whole = randomBytes(200, 7);
    const view = whole.subarray(10, 150);
    expect(sha256Hex(view)).toBe(createHash('sha256').update(view).digest('hex'));
  });
});

describe('base64', () => {
  it('round-trips and matches Buffer for every length remainder', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 1000, 30_001]) {
      const data = randomBytes(n, 100 + n);
      const text = base64Encode(data);
      expect(text).toBe(Buffer.from(data).toString('base64'));
      expect(base64Decode(text).bytes).toEqual(data);
      const url = base64UrlEncode(data);
      expect(url).toBe(Buffer.from(data).toString('base64url'));
      expect(base64UrlDecode(url).bytes).toEqual(data);
    }
  });

  it('says where standard base64 is invalid', () => {
    expect(base64Decode('TWFu!A==').error).toBe('invalid character "!" at position 4');
    expect(base64Decode('TWF').error).toBe('length 3 is not a multiple of 4');
    expect(base64Decode('TW=u').error).toBe('invalid character "=" at position 2');
    expect(base64Decode('TWFu-_==').error).toBe('invalid character "-" at position 4');
  });

  it('says where base64url is invalid', () => {
    expect(base64UrlDecode('ab+c').error).toBe('invalid character "+" at position 2');
    expect(base64UrlDecode('abcde').error).toBe('length 5 cannot be base64 (one character too many or too few)');
    expect(base64UrlDecode('abcé').error).toBe('invalid character "é" at position 3');
  });
});
