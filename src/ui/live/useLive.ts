/** React hooks over live mode's stores: the running session and the problems it reports. */
import { useSyncExternalStore } from 'react';
import type { LiveProblem } from '../../audio/live/liveMonitor';
import type { LiveSession } from '../../audio/live/liveSession';
import { useApp } from '../AppContext';
import { useStore } from '../state/store';

const none = (): (() => void) => () => undefined;
const NO_PROBLEMS: LiveProblem[] = [];

/** The running live session, or null while live mode is off. */
export function useLiveSession(): LiveSession | null {
  return useStore(useApp().live.session, (s) => s);
}

/** Every problem live mode reports. */
export function useLiveProblems(session: LiveSession | null): LiveProblem[] {
  return useSyncExternalStore(
    session ? session.monitor.problems.subscribe : none,
    () => session?.monitor.problems.get() ?? NO_PROBLEMS,
  );
}
