import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cliRunner';

const example = JSON.parse(readFileSync('patches/first-patch.genpatch.json', 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'genpatch-validate-'));

/** A malformed variant of the example patch: how it is broken and what validate must say. */
interface Case {
  name: string;
  text?: string;
  mutate?: (p: any) => void;
  path: string;
  message: RegExp;
}

const cases: Case[] = [
  { name: 'malformed JSON', text: '{"format": "genpatch", "version": 1,\n  "nodes": [}', path: '$', message: /line 2/ },
  { name: 'not a patch', text: '[1, 2, 3]', path: '$', message: /object/ },
  { name: 'wrong format', mutate: (p) => { p.format = 'patchbay'; }, path: '$.format', message: /genpatch/ },
  { name: 'future version', mutate: (p) => { p.version = 99; }, path: '$.version', message: /99/ },
  { name: 'node without type', mutate: (p) => { delete p.nodes[1].type; }, path: '$.nodes[1].type', message: /missing|string/ },
  { name: 'duplicate node id', mutate: (p) => { p.nodes[2].id = 'tune'; }, path: '$.nodes[2].id', message: /duplicate|twice|already/i },
  { name: 'dangling edge', mutate: (p) => { p.edges[0].to.node = 'nowhere'; }, path: '$.edges[0].to.node', message: /nowhere/ },
  { name: 'unknown port', mutate: (p) => { p.edges[1].to.port = 'melody'; }, path: '$.edges[1].to.port', message: /melody/ },
  { name: 'type mismatch', mutate: (p) => { p.edges.push({ id: 'bad', from: { node: 'synth', port: 'audio' }, to: { node: 'transpose', port: 'notes' } }); }, path: '$.edges[8]', message: /audio.*notes/ },
  { name: 'cycle', mutate: (p) => { p.edges.splice(0, 1); p.edges.push({ id: 'loop', from: { node: 'dorian', port: 'notes' }, to: { node: 'transpose', port: 'notes' } }); }, path: '$.edges[7]', message: /cycle.*transpose|cycle.*dorian/ },
  { name: 'param out of range', mutate: (p) => { p.nodes[1].params.semitones = 99; }, path: '$.nodes[1].params.semitones', message: /99.*48|maximum/ },
  { name: 'param of the wrong kind', mutate: (p) => { p.nodes[2].params.scaleName = 'wibble'; }, path: '$.nodes[2].params.scaleName', message: /one of/ },
  { name: '__proto__ key', text: '{"format":"genpatch","version":1,"meta":{"title":"x","__proto__":{"polluted":true}},"nodes":[],"edges":[]}', path: '$.meta.__proto__', message: /__proto__/ },
  { name: 'missing asset', mutate: (p) => { p.nodes[0].params.file = 'missing.mid'; }, path: '$.nodes[0].params.file', message: /missing\.mid/ },
  { name: 'damaged asset', mutate: (p) => { const id = Object.keys(p.assets)[0]; p.assets[id].sha256 = '0'.repeat(64); }, path: '$.assets', message: /sha256/ },
];

describe('genpatch validate', () => {
  it('accepts the example patch', () => {
    const r = runCli(['validate', 'patches/first-patch.genpatch.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('valid');
  });

  for (const c of cases) {
    it(`explains a patch with ${c.name}`, () => {
      const file = join(dir, `${c.name.replace(/\W+/g, '-')}.genpatch.json`);
      let text = c.text;
      if (!text) {
        const p = structuredClone(example);
        c.mutate!(p);
        text = JSON.stringify(p, null, 2);
      }
      writeFileSync(file, text);
      const r = runCli(['validate', file]);
      expect(r.code).toBe(1);
      const lines = r.stdout.split('\n').filter((l) => l.includes(c.path));
      expect(lines.some((l) => c.message.test(l)), `no line with ${c.path} matching ${c.message} in:\n${r.stdout}`).toBe(true);
      expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .*\(/);
    });
  }

  it('refuses a file over 10 MB before parsing it', () => {
    const file = join(dir, 'huge.genpatch.json');
    writeFileSync(file, `{"pad":"${'x'.repeat(10_500_000)}"}`);
    const r = runCli(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/MB/);
  });

  it('says in one line that a file does not exist', () => {
    const r = runCli(['validate', join(dir, 'nope.genpatch.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no such file/);
  });
});
