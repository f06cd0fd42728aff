import { describe, expect, it } from 'vitest';
import { formatProblem, loadPatch, MAX_PATCH_BYTES } from '../../../src/engine/patch';
import { fixture, fixtureNames } from './fixtures';
import { testRegistry } from './testRegistry';

/** Each bad fixture: every error it must report (exact JSON path and a message substring), and nothing else. */
const expected: Record<string, [path: string, includes: string][]> = {
  'malformed-json': [['$', "malformed JSON at line 5, column 1: trailing comma before '}'"]],
  'not-an-object': [['$', 'expected a patch object']],
  'unknown-format': [['$.format', 'unknown format "reaktor-ensemble" (expected "genpatch")']],
  'newer-version': [['$.version', 'format version 7 is newer than this build supports (1)']],
  'missing-fields': [
    ['$.meta.title', 'missing required field "title"'],
    ['$.nodes[1].type', 'missing required field "type"'],
    ['$.edges[1].to', 'missing required field "to"'],
  ],
  'wrong-types': [
    ['$.nodes[0].position.x', '"x" must be a finite number, got the string "12"'],
    ['$.nodes[2].params', '"params" must be an object, got an array'],
    ['$.edges[0].from.port', '"port" must be a string, got the number 3'],
    ['$.groups', '"groups" must be an array, got an object'],
  ],
  'dangling-node': [
    ['$.edges[0].to.node', 'edge e1 (mel.notes → nobody.notes): unknown node "nobody"'],
    ['$.edges[2].from.node', 'edge e3 (ghost.notes → syn.notes): unknown node "ghost"'],
  ],
  'unknown-port': [
    ['$.edges[0].to.port', 'edge e1 (mel.notes → syn.foo): unknown input "foo" on node "syn" (type test.synth); its inputs are: notes'],
    ['$.edges[1].from.port', '"notes" is an input on node "syn" (type test.synth), not an output'],
  ],
  'type-mismatch': [['$.edges[2]', 'edge e3: notes output mel.notes cannot feed audio input out2.audio']],
  'double-feed': [['$.edges[2].to', 'edge e3: input syn.notes takes only one connection and is already fed by edge e1']],
  cycle: [['$.edges[2]', 'edge e3 closes a cycle: t1 → t2 → t3 → t1']],
  'duplicate-ids': [
    ['$.nodes[3].id', 'duplicate node id "mel" (already used by $.nodes[0])'],
    ['$.edges[2].id', 'duplicate edge id "e1" (already used by $.edges[0])'],
  ],
  'bad-params': [
    ['$.nodes[0].params.legato', 'expected true or false'],
    ['$.nodes[0].params.length', 'param "length" of node "mel" (type test.melody): 99 is above the maximum 64'],
    ['$.nodes[0].params.scale', 'expected one of major, minor'],
    ['$.nodes[0].params.seed', 'expected an integer'],
  ],
  'proto-keys': [
    ['$.meta.constructor', 'the key "constructor" is not allowed'],
    ['$.nodes[0].params.__proto__', 'the key "__proto__" is not allowed'],
  ],
  'asset-sha-mismatch': [['$.assets["riff.mid"].sha256', 'sha256 mismatch: the data hashes to a21b1c85']],
  'missing-asset': [['$.nodes[0].params.file', 'refers to asset "nope.mid", which is not in $.assets (assets: riff.mid)']],
  'edge-from-asset': [['$.edges[0].from.node', '"riff.mid" is an asset, and assets reach nodes through asset params, not edges']],
  'bad-base64': [['$.assets["kick drum.wav"].data', 'not valid base64: invalid character "!" at position 4']],
  'exposed-not-param': [
    ['$.nodes[1].exposed[1]', '"volume" is not a param of node "syn" (type test.synth)'],
    ['$.edges[2]', 'edge e3: notes output mel.notes cannot feed number input syn.gain'],
  ],
  'v0-bad-link': [['$.links[0].source', 'expected a "node:port" string, got the string "mel.notes"']],
};

describe('bad patch fixtures', () => {
  const registry = testRegistry();

  it('has an expectation for every fixture, and at least 12 fixtures', () => {
    expect(fixtureNames('bad')).toEqual(Object.keys(expected).sort());
    expect(fixtureNames('bad').length).toBeGreaterThanOrEqual(12);
  });

  for (const [name, errors] of Object.entries(expected)) {
    it(`${name}: reports every error at its exact path, and loads nothing`, () => {
      const { patch, problems } = loadPatch(fixture('bad', name), registry, { fileName: `${name}.genpatch.json` });
      expect(patch).toBeNull();
      const found = problems.filter((p) => p.severity === 'error');
      expect(found.map((p) => p.path)).toEqual(errors.map(([path]) => path));
      errors.forEach(([, includes], i) => expect(found[i].message).toContain(includes));
      for (const p of problems) expect(p.file).toBe(`${name}.genpatch.json`);
    });
  }

  it('warns about unknown params next to the errors', () => {
    const { problems } = loadPatch(fixture('bad', 'bad-params'), registry);
    const warning = problems.find((p) => p.severity === 'warning');
    expect(warning?.path).toBe('$.nodes[0].params.volume');
    expect(warning?.message).toContain('unknown param "volume" of node "mel" (type test.melody)');
  });

  it('refuses a file over 10 MB before parsing it, giving its size', () => {
    const padding = 'x'.repeat(MAX_PATCH_BYTES);
    const text = `{"format": "genpatch", "version": 1, "meta": {"title": "${padding}"}, "nodes": [], "edges": []}`;
    const { patch, problems } = loadPatch(text, registry, { fileName: 'huge.genpatch.json' });
    expect(patch).toBeNull();
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0])).toBe(
      `huge.genpatch.json $: the file is at least 10.0 MB (${text.length} bytes); patches are limited to 10.0 MB (10485760 bytes)`,
    );
  });

  it('counts UTF-8 bytes, not characters, against the limit', () => {
    const text = `{"meta": "${'é'.repeat(MAX_PATCH_BYTES / 2 + 10)}"}`;
    expect(text.length).toBeLessThan(MAX_PATCH_BYTES);
    const { problems } = loadPatch(text, registry);
    expect(problems[0].message).toMatch(new RegExp(`^the file is 10\\.0 MB \\(${Buffer.byteLength(text, 'utf8')} bytes\\)`));
  });
});
