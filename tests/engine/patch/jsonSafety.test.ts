import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/rng';
import { loadPatch, validatePatchObject } from '../../../src/engine/patch';
import { findJsonSyntaxError } from '../../../src/engine/patch/jsonSyntax';
import { fixture } from './fixtures';
import { testRegistry } from './testRegistry';

const registry = testRegistry();

describe('malformed JSON', () => {
  const cases: [text: string, line: number, column: number, includes: string][] = [
    ['{"a": 1,\n "b": }', 2, 7, "unexpected '}', expected a value"],
    ['{"a": 1 "b": 2}', 1, 9, "expected ',' or '}' after a property value"],
    ['[1, 2,]', 1, 7, "trailing comma before ']'"],
    ["{'a': 1}", 1, 2, 'expected a property name in double quotes'],
    ['{"a": "line\nbreak"}', 1, 12, 'unescaped control character U+000a inside a string'],
    ['{"a": "\\x"}', 1, 8, "invalid escape '\\x'"],
    ['{"a": tru}', 1, 7, "unexpected 't', expected a value"],
    ['{"a": 01}', 1, 8, "expected ',' or '}'"],
    ['{"a": "open', 1, 7, 'string is never closed'],
    ['{"a": 1} x', 1, 10, "unexpected 'x' after the end of the JSON value"],
    ['   ', 1, 4, 'the file is empty'],
    ['{"a": [1, 2', 1, 12, "unexpected end of file, expected ',' or ']'"],
  ];
  for (const [text, line, column, includes] of cases) {
    it(`locates ${JSON.stringify(text)} at ${line}:${column}`, () => {
      expect(() => JSON.parse(text)).toThrow();
      const found = findJsonSyntaxError(text);
      expect(found && [found.line, found.column]).toEqual([line, column]);
      expect(found?.message).toContain(includes);
      const { patch, problems } = loadPatch(text, registry);
      expect(patch).toBeNull();
      expect(problems).toEqual([{ path: '$', severity: 'error', message: `malformed JSON at line ${line}, column ${column}: ${found!.message}` }]);
    });
  }

  it('finds nothing wrong in valid JSON', () => {
    expect(findJsonSyntaxError(fixture('good', 'melody-chain'))).toBeNull();
    expect(findJsonSyntaxError('{"a": [1.5e-3, -0, true, false, null, "\\u00e9\\n"]}')).toBeNull();
  });

  it('accepts a byte-order mark before the JSON', () => {
    expect(loadPatch(`\uFEFF${fixture('good', 'minimal')}`, registry).patch).not.toBeNull();
  });
});

describe('prototype keys', () => {
  it('never lets __proto__, constructor or prototype reach an object', () => {
    const text = '{"format": "genpatch", "version": 1, "__proto__": {"polluted": 1},'
      + ' "meta": {"title": "x"}, "nodes": [{"id": "a", "type": "test.knob", "prototype": 1}], "edges": []}';
    const { patch, problems } = loadPatch(text, registry);
    expect(patch).toBeNull();
    expect(problems.map((p) => p.path)).toEqual(['$.__proto__', '$.nodes[0].prototype']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('also refuses them in objects handed over already parsed', () => {
    const value = JSON.parse('{"format": "genpatch", "version": 1, "meta": {"title": "x", "__proto__": {"admin": true}}, "nodes": [], "edges": []}');
    const { patch, problems } = validatePatchObject(value, registry);
    expect(patch).toBeNull();
    expect(problems[0].path).toBe('$.meta.__proto__');
  });
});

describe('never throws', () => {
  it('reports nesting deeper than the limit instead of overflowing the stack', () => {
    const deep = `{"format": "genpatch", "version": 1, "meta": {"title": "x", "deep": ${'['.repeat(5000)}${']'.repeat(5000)}}, "nodes": [], "edges": []}`;
    const { patch, problems } = loadPatch(deep, registry);
    expect(patch).toBeNull();
    expect(problems[0].message).toBe('nesting deeper than 256 levels');
    expect(problems[0].path).toMatch(/^\$\.meta\.deep(\[0\]){255}$/);
  });

  it('answers non-text and odd values with problems', () => {
    expect(loadPatch(undefined as unknown as string, registry).problems[0].message).toBe('expected the patch as text, got nothing');
    for (const value of [null, 42, 'genpatch', [], () => 1]) {
      const { patch, problems } = validatePatchObject(value, registry);
      expect(patch).toBeNull();
      expect(problems[0].path).toBe('$');
    }
    // A Map has no own keys: it reads as an empty object.
    expect(validatePatchObject(new Map([['format', 'genpatch']]), registry).problems[0].path).toBe('$.format');
    const cyclic: Record<string, unknown> = { format: 'genpatch', version: 1 };
    cyclic.meta = cyclic;
    expect(validatePatchObject(cyclic, registry).problems[0].message).toBe('nesting deeper than 256 levels');
  });

  it('survives random damage to a valid patch', () => {
    const rng = createRng('patch-fuzz');
    const source = fixture('good', 'melody-chain');
    const alphabet = '{}[]":,0123456789.-eE tfnu\\ab#\n';
    for (let round = 0; round < 300; round++) {
      const chars = [...source];
      for (let k = 1 + rng.int(4); k > 0; k--) {
        const at = rng.int(chars.length);
        const op = rng.int(3);
        if (op === 0) chars.splice(at, 1);
        else if (op === 1) chars.splice(at, 0, rng.pick([...alphabet]));
        else chars[at] = rng.pick([...alphabet]);
      }
      const { patch, problems } = loadPatch(chars.join(''), registry);
      expect(problems.some((p) => p.message.startsWith('internal error'))).toBe(false);
      expect(patch === null).toBe(problems.some((p) => p.severity === 'error'));
    }
  });

  it('survives valid JSON of the wrong shapes in every field', () => {
    const base = JSON.parse(fixture('good', 'melody-chain'));
    const oddValues = [null, 0, -1, 1.5, '', 'x', true, [], {}, [null], { x: null }];
    const paths: (string | number)[][] = [
      ['meta'], ['nodes'], ['nodes', 0], ['nodes', 0, 'id'], ['nodes', 0, 'type'], ['nodes', 0, 'version'], ['nodes', 0, 'position'],
      ['nodes', 0, 'params'], ['nodes', 0, 'params', 'file'], ['nodes', 3, 'exposed'], ['edges'], ['edges', 0], ['edges', 0, 'from'],
      ['edges', 0, 'to', 'port'], ['comments', 0, 'size'], ['groups', 0, 'nodes'], ['assets'], ['assets', 'riff.mid'], ['assets', 'riff.mid', 'data'],
    ];
    for (const path of paths) {
      for (const odd of oddValues) {
        const doc = structuredClone(base);
        let holder = doc;
        for (const key of path.slice(0, -1)) holder = holder[key];
        holder[path[path.length - 1]] = odd;
        const { problems } = validatePatchObject(doc, registry);
        expect(problems.some((p) => p.message.startsWith('internal error'))).toBe(false);
      }
    }
  });
});
