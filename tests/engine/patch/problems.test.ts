import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/engine/patch';
import { jsonPath } from '../../../src/engine/patch/problems';

describe('problems', () => {
  it('writes JSON paths with dots for identifiers and quoted brackets for other keys', () => {
    expect(jsonPath([])).toBe('$');
    expect(jsonPath(['nodes', 2, 'params', 'order'])).toBe('$.nodes[2].params.order');
    expect(jsonPath(['assets', 'kick drum.wav', 'sha256'])).toBe('$.assets["kick drum.wav"].sha256');
    expect(jsonPath(['meta', '2024'])).toBe('$.meta["2024"]');
  });

  it('formats one line per problem: file, path, message, and "warning:" for warnings', () => {
    expect(formatProblem({
      file: 'patch.genpatch.json', path: '$.edges[3].to.port', severity: 'error',
      message: 'unknown input "foo" on node "synth1" (type instrument.poly)',
    })).toBe('patch.genpatch.json $.edges[3].to.port: unknown input "foo" on node "synth1" (type instrument.poly)');
    expect(formatProblem({ path: '$.nodes[0].type', severity: 'warning', message: 'unknown node type "x.y"' }))
      .toBe('$.nodes[0].type: warning: unknown node type "x.y"');
  });
});
