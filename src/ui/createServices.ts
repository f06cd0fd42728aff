/** Builds the page's services: registry, editor, scheduler, runner, player, UI stores, autosave and the test hook. */
import type { NodeServices } from '../engine/node';
import type { NodeRegistry } from '../engine/registry';
import { Scheduler } from '../engine/scheduler';
import type { Patch } from '../engine/patch/types';
import { serializePatch } from '../engine/patch';
import type { AppServices, Toast, UiState } from './AppContext';
import { debouncedSaver, writeAutosave } from './files/autosave';
import { createRunner } from './run/runner';
import { createRuntime } from './run/runtime';
import { createEditor } from './state/editor';
import { createStore } from './state/store';
import { createPlayer } from './transport/player';
import { installTestHook } from './testHook';
import { createLiveController } from './live/liveController';
import { installLiveTestHook } from './live/liveTestHook';

/** Options of the page services. */
export interface ServiceOptions {
  registry: NodeRegistry;
  patch: Patch;
  fileName?: string | null;
  /** Services handed to node runs (the audio renderer…). */
  nodeServices?: NodeServices;
}

/**
 * Creates every service of one editor page.
 * @example
 * const services = createServices({ registry: createRegistry(), patch: createPatch() });
 */
export function createServices(options: ServiceOptions): AppServices {
  const { registry } = options;
  const editor = createEditor(registry, options.patch);
  if (options.fileName) editor.markSaved(options.fileName);
  const runtime = createRuntime();
  const scheduler = new Scheduler(registry, { services: options.nodeServices ?? {} });
  const runner = createRunner(editor, runtime, scheduler);
  const player = createPlayer();
  const ui = createStore<UiState>({ sideTab: 'inspector', overlay: null, connectionHint: null });
  const toasts = createStore<Toast[]>([]);
  let toastId = 0;
  const notify = (text: string, kind: Toast['kind'] = 'info'): void => {
    const id = ++toastId;
    toasts.set((list) => [...list.slice(-3), { id, text, kind }]);
    setTimeout(() => toasts.set((list) => list.filter((t) => t.id !== id)), kind === 'error' ? 7000 : 3500);
    if (kind === 'error') console.warn(text);
  };
  const live = createLiveController({ registry, editor, runtime, player, notify });
  const services: AppServices = { registry, editor, runtime, runner, player, live, ui, toasts, notify };

  const saver = debouncedSaver(() => {
    const s = editor.state.get();
    return writeAutosave({ text: serializePatch(s.patch), fileName: s.fileName, savedAt: Date.now() });
  }, 400);
  let lastPatch = editor.state.get().patch;
  editor.state.subscribe(() => {
    const p = editor.state.get().patch;
    if (p === lastPatch) return;
    lastPatch = p;
    saver.changed();
  });
  window.addEventListener('pagehide', () => void saver.flush());
  // The opened document (share link, restored autosave) is saved too, not only later edits.
  saver.changed();
  installTestHook(services, () => saver.flush());
  installLiveTestHook(live);
  return services;
}
