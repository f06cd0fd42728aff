/** How a node's run state is shown: unconnected inputs and upstream failures read as "waiting", not as errors. */
import type { NodeRunState } from './runtime';

/** The shown status: the scheduler's, or 'waiting' for a node that cannot run yet through no fault of its own. */
export type ShownStatus = NodeRunState['status'] | 'waiting';

/** The status to show and its badge text. */
export function shownStatus(run: NodeRunState | undefined): { status: ShownStatus; label: string } {
  if (!run) return { status: 'idle', label: '' };
  if (run.status === 'failed' && run.error) {
    if (/is not connected$/.test(run.error)) return { status: 'waiting', label: 'needs input' };
    if (/failed upstream/.test(run.error)) return { status: 'waiting', label: 'waiting' };
  }
  if (run.status === 'running' && run.progress !== undefined && run.progress > 0) {
    return { status: 'running', label: `${Math.round(run.progress * 100)}%` };
  }
  return { status: run.status, label: run.status };
}
