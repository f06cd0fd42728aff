import { describe, expect, it } from 'vitest';
import { migratePatchDocument, patchMigrations, type PatchMigration } from '../../../src/engine/patch';
import { ProblemList } from '../../../src/engine/patch/problems';

describe('patch format migrations', () => {
  it('has one step per version, from 0 up to the current version', () => {
    expect(patchMigrations.map((m) => m.from)).toEqual([0]);
  });

  it('turns v0 links into v1 edges, giving ids to links without one', () => {
    const problems = new ProblemList();
    const doc = {
      format: 'genpatch', version: 0, meta: { title: 'x' }, nodes: [],
      links: [{ source: 'a:out', target: 'b:in' }, { id: 'e1', source: 'ns:node:out', target: 'c:in' }, { source: 'c:out', target: 'd:in' }],
    };
    expect(migratePatchDocument(doc, problems)).toEqual({
      format: 'genpatch', version: 1, meta: { title: 'x' }, nodes: [],
      edges: [
        { id: 'e2', from: { node: 'a', port: 'out' }, to: { node: 'b', port: 'in' } },
        { id: 'e1', from: { node: 'ns:node', port: 'out' }, to: { node: 'c', port: 'in' } },
        { id: 'e3', from: { node: 'c', port: 'out' }, to: { node: 'd', port: 'in' } },
      ],
    });
    expect(problems.items).toEqual([]);
    expect(doc.links).toHaveLength(3);
  });

  it('reports every v0 link it cannot read, at its v0 path', () => {
    const problems = new ProblemList();
    migratePatchDocument({ format: 'genpatch', version: 0, links: [{ source: 'a', target: 'b:' }, 7] }, problems);
    expect(problems.items.map((p) => [p.path, p.message])).toEqual([
      ['$.links[0].source', 'expected a "node:port" string, got the string "a"'],
      ['$.links[0].target', 'expected a "node:port" string, got the string "b:"'],
      ['$.links[1]', 'expected a link object, got the number 7'],
    ]);
  });

  it('chains registered steps in order up to the target version', () => {
    const renameTitle: PatchMigration = {
      from: 1,
      description: 'v2 renames meta.title to meta.name',
      migrate: (doc) => {
        const { title, ...meta } = doc.meta as Record<string, unknown>;
        return { ...doc, meta: { ...meta, name: title } };
      },
    };
    const problems = new ProblemList();
    const out = migratePatchDocument({ version: 0, meta: { title: 'Old' }, links: [] }, problems, [...patchMigrations, renameTitle], 2);
    expect(out).toEqual({ version: 2, meta: { name: 'Old' }, edges: [] });
  });

  it('reports a missing step', () => {
    const problems = new ProblemList();
    expect(migratePatchDocument({ version: 1 }, problems, patchMigrations, 2)).toBeUndefined();
    expect(problems.items).toEqual([{ path: '$.version', severity: 'error', message: 'no migration from format version 1 to 2' }]);
  });
});
