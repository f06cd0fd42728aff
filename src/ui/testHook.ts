/** `window.__genpatch`: a small test hook the browser tests use to read state the page does not show. */
import type { AppServices } from './AppContext';
import { serializePatch } from '../engine/patch';
import { clipPeak } from './run/outputAudio';
import type { MlProbe } from '../ml/testProbe';

/** What the hook exposes. */
export interface GenpatchTestHook {
  /** Peak of the last rendered output audio (0 when none). */
  lastRenderPeak(): number;
  /** Largest sample heard at the master output since the last call (0 when silent). */
  meterPeak(): number;
  /** The current patch as saved text. */
  patchText(): string;
  /** Node ids and types, in patch order. */
  nodes(): { id: string; type: string; params: Record<string, unknown> }[];
  edges(): { from: string; to: string }[];
  /** Status of a node in the last run. */
  status(id: string): string | undefined;
  /** Every node of the patch with its type, status and error (if it failed) in the last run. */
  nodeStates(): { id: string; type: string; status?: string; error?: string }[];
  /** Resolves when no run is pending or in flight. */
  idle(): Promise<void>;
  /** Writes the autosave now. */
  flushAutosave(): Promise<void>;
  /** Number of runs finished since load. */
  runs(): number;
  /** The model-pipeline probe of the ml spec (loads src/ml/testProbe on first use). */
  ml(): Promise<MlProbe>;
}

declare global {
  interface Window { __genpatch?: GenpatchTestHook }
}

/** Installs the hook on window. */
export function installTestHook(app: AppServices, flushAutosave: () => Promise<void>): void {
  let runs = 0;
  app.runtime.summary.subscribe(() => { runs++; });
  window.__genpatch = {
    lastRenderPeak: () => {
      const clip = app.runner.outputAudio.get();
      return clip ? clipPeak(clip) : 0;
    },
    meterPeak: () => app.player.takeMeterPeak(),
    patchText: () => serializePatch(app.editor.state.get().patch),
    nodes: () => app.editor.state.get().patch.nodes.map((n) => ({ id: n.id, type: n.type, params: { ...n.params } })),
    edges: () => app.editor.state.get().patch.edges.map((e) => ({ from: `${e.from.node}.${e.from.port}`, to: `${e.to.node}.${e.to.port}` })),
    status: (id) => app.runtime.status.get(id)?.status,
    nodeStates: () => app.editor.state.get().patch.nodes.map((n) => {
      const run = app.runtime.status.get(n.id);
      return { id: n.id, type: n.type, status: run?.status, error: run?.error };
    }),
    idle: () => app.runner.idle(),
    flushAutosave,
    runs: () => runs,
    ml: () => import('../ml/testProbe').then((m) => m.mlProbe()),
  };
}
