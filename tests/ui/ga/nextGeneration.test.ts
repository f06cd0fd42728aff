/** The rating panel's edits driven through the real editor, runner and ga.evolve node. */
import { describe, expect, it } from 'vitest';
import { createPatch } from '../../../src/engine/patch';
import { NodeRegistry } from '../../../src/engine/registry';
import { Scheduler } from '../../../src/engine/scheduler';
import { gaNodes } from '../../../nodes/symbolic/ga';
import { readGaGeneration, type GaGenerationView } from '../../../src/ui/ga/gaResult';
import { breedActions, dispatchAsOneStep, startOverActions } from '../../../src/ui/ga/nextGeneration';
import { createRunner } from '../../../src/ui/run/runner';
import { createRuntime } from '../../../src/ui/run/runtime';
import { createEditor } from '../../../src/ui/state/editor';

function session() {
  const registry = new NodeRegistry(gaNodes);
  const patch = createPatch({ title: 'interactive GA' });
  patch.nodes.push({ id: 'n1', type: 'ga.evolve', version: 1, position: { x: 0, y: 0 }, params: { interactive: true, show: 4, steps: 8, low: 60, high: 72, seed: 3 } });
  const editor = createEditor(registry, patch);
  const runtime = createRuntime();
  const runner = createRunner(editor, runtime, new Scheduler(registry), 0);
  const view = async (): Promise<GaGenerationView> => {
    await new Promise((r) => setTimeout(r, 5));
    await runner.idle();
    const v = readGaGeneration(runtime.results.get('n1'));
    if (!v) throw new Error(`no result: ${runtime.status.get('n1')?.error}`);
    return v;
  };
  const params = () => editor.state.get().patch.nodes[0].params;
  return { editor, runner, view, params };
}

const pitches = (v: GaGenerationView) => v.candidates.map((c) => c.notes.map((n) => n.pitch).join(' '));

describe('interactive GA session', () => {
  it('shows K candidates, breeds one undoable generation per step and undoes back', async () => {
    const { editor, runner, view, params } = session();
    await runner.runNow();
    const g0 = await view();
    expect(g0.generation).toBe(0);
    expect(g0.candidates).toHaveLength(4);
    for (const c of g0.candidates) {
      expect(c.length).toBe(4); // 8 steps of half a beat, one bar
      for (const n of c.notes) {
        expect(n.start).toBeGreaterThanOrEqual(0);
        expect(n.start + n.duration).toBeLessThanOrEqual(4 + 1e-9);
        expect(n.pitch).toBeGreaterThanOrEqual(60);
        expect(n.pitch).toBeLessThanOrEqual(72);
      }
    }

    dispatchAsOneStep(editor, breedActions('n1', g0.state, [1, 5, 2, 1]), 'ga-breed:n1');
    expect(params().state).toBe(g0.state);
    expect(params().ratings).toBe('1,5,2,1');
    const g1 = await view();
    expect(g1.generation).toBe(1);
    expect(g1.state).not.toBe(g0.state);
    expect(pitches(g1)[0]).toBe(pitches(g0)[1]); // the best rated passes as the first elite

    dispatchAsOneStep(editor, breedActions('n1', g1.state, [4, 4, 3, 5]), 'ga-breed:n1');
    expect((await view()).generation).toBe(2);

    editor.undo();
    expect(params().ratings).toBe('1,5,2,1');
    const back = await view();
    expect(back.generation).toBe(1);
    expect(pitches(back)).toEqual(pitches(g1)); // same seed, same bred generation
    editor.undo();
    expect(params().state ?? '').toBe('');
    expect((await view()).generation).toBe(0);
    expect(editor.state.get().canUndo).toBe(false);
    runner.dispose();
  });

  it('starts over from the seed in one step', async () => {
    const { editor, runner, view, params } = session();
    await runner.runNow();
    const g0 = await view();
    dispatchAsOneStep(editor, breedActions('n1', g0.state, [2, 2, 2, 5]), 'ga-breed:n1');
    expect((await view()).generation).toBe(1);
    dispatchAsOneStep(editor, startOverActions('n1'), 'ga-restart:n1');
    expect(params()).toMatchObject({ state: '', ratings: '' });
    expect(pitches(await view())).toEqual(pitches(g0));
    editor.undo();
    expect(params().ratings).toBe('2,2,2,5');
    runner.dispose();
  });

  it('refuses a missing or out-of-range rating, and breeding before a first run', () => {
    expect(() => breedActions('n1', 'ga1.x', [3, undefined, 2])).toThrow(/candidate 2 has no rating/);
    expect(() => breedActions('n1', 'ga1.x', [3, 6])).toThrow(/candidate 2: rating 6/);
    expect(() => breedActions('n1', 'ga1.x', [2.5])).toThrow(/whole number/);
    expect(() => breedActions('n1', ' ', [3])).toThrow(/no population/);
  });
});
