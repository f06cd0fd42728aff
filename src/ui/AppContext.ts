/** The services one editor page shares with its components, handed down through React context. */
import { createContext, useContext } from 'react';
import type { NodeRegistry } from '../engine/registry';
import type { Editor } from './state/editor';
import type { Runner } from './run/runner';
import type { Runtime } from './run/runtime';
import type { Store } from './state/store';
import type { Player } from './transport/player';
import type { LiveController } from './live/liveController';

/** A short message shown at the bottom of the page. */
export interface Toast { id: number; text: string; kind: 'info' | 'error' }

/** Page-level UI state that is not part of the patch. */
export interface UiState {
  /** Which side panel tab is open. */
  sideTab: 'inspector' | 'viewer' | 'patch';
  /** The overlay shown above the editor, if any. */
  overlay: 'help' | 'gallery' | 'share' | null;
  /** Why the connection being dragged is refused (null while legal or idle). */
  connectionHint: string | null;
}

/** Everything a component may reach. */
export interface AppServices {
  registry: NodeRegistry;
  editor: Editor;
  runtime: Runtime;
  runner: Runner;
  player: Player;
  /** Live mode: transport, live instances, controls, recording. */
  live: LiveController;
  ui: Store<UiState>;
  toasts: Store<Toast[]>;
  /** Shows a toast for a few seconds. */
  notify(text: string, kind?: Toast['kind']): void;
}

/** React context carrying the page services. */
export const AppContext = createContext<AppServices | null>(null);

/** The page services; throws outside the provider. */
export function useApp(): AppServices {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp: no AppContext provider above this component');
  return app;
}
