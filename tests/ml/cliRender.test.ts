/** `genpatch render` hands nodes the Node model service: a node that loads and runs a model succeeds. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderCommand } from '../../src/cli/commands/render';
import { defineNode } from '../../src/engine/node';
import { NodeRegistry } from '../../src/engine/registry';
import { getModelService } from '../../src/ml/service';
import { int64, zeros } from '../../src/ml/tensors';
import { modelFiles, reference } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'genpatch-ml-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('genpatch render with models', () => {
  it('gives node runs ctx.services.models', async () => {
    const seen: { provider: string; first: number }[] = [];
    const probe = defineNode({
      type: 'test.modelProbe', title: 'Model probe', category: 'test', doc: 'Runs the tiny LSTM fixture.', sink: true,
      run: async (_inputs, _params, ctx) => {
        const model = await getModelService(ctx).loadFiles(modelFiles('tiny-lstm'), { name: 'tiny-lstm', who: `node ${ctx.nodeId}` });
        const out = await model.run({ input_ids: int64([1], [1, 1]), h: zeros('float32', [1, 1, 12]), c: zeros('float32', [1, 1, 12]) });
        seen.push({ provider: model.provider, first: out.logits.data[0] as number });
        return { outputs: {} };
      },
    });
    const path = join(dir, 'probe.genpatch.json');
    writeFileSync(path, JSON.stringify({
      format: 'genpatch', version: 1, meta: { title: 'Model probe' },
      nodes: [{ id: 'n1', type: 'test.modelProbe', version: 1, position: { x: 0, y: 0 }, params: {} }],
      edges: [], comments: [], groups: [], assets: {},
    }));
    const log: string[] = [];
    const code = await renderCommand(path, { exports: join(dir, 'out') }, new NodeRegistry([probe]), (l) => log.push(l));
    expect(log.filter((l) => l.includes('failed'))).toEqual([]);
    expect(code).toBe(0);
    expect(seen).toHaveLength(1);
    expect(seen[0].provider).toBe('wasm');
    expect(seen[0].first).toBeCloseTo(reference('tiny-lstm').logits.data[0], 5);
  });
});
