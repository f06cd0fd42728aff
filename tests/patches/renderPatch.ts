/** Renders a patch file headless with the Node audio backend, as `genpatch render` does, for the patch tests. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createRegistry } from '../../nodes/index';
import { createNodeOfflineRenderer } from '../../src/audio/nodeOfflineRenderer';
import { loadPatch, type Patch, type Problem } from '../../src/engine/patch';
import { Scheduler } from '../../src/engine/scheduler';
import type { Evaluation } from '../../src/engine/scheduler-types';
import { createNodeModelService } from '../../src/ml/nodeModels';
import { modelServices } from '../../src/ml/service';

/** A rendered patch: the loaded patch, its load problems and the evaluation. */
export interface RenderedPatch {
  patch: Patch;
  problems: Problem[];
  evaluation: Evaluation;
}

/** Loads and evaluates `path` with a fixed global seed. */
export async function renderPatchFile(path: string, globalSeed = 0): Promise<RenderedPatch> {
  const registry = createRegistry();
  const { patch, problems } = loadPatch(readFileSync(path, 'utf8'), registry, { fileName: basename(path) });
  if (!patch) throw new Error(`${path}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  const models = createNodeModelService();
  const scheduler = new Scheduler(registry, { services: { renderer: createNodeOfflineRenderer(), ...modelServices(models) } });
  const evaluation = await scheduler.evaluate(patch, { globalSeed }).finally(() => models.dispose());
  return { patch, problems, evaluation };
}
