/** The small status pill of a node: queued, running (with %), cached, done, failed, waiting, cancelled. */
import type { NodeRunState } from '../run/runtime';
import { shownStatus } from '../run/statusView';

/** Shows a node's run status; nothing when idle. */
export function StatusBadge({ run }: { run: NodeRunState | undefined }) {
  const { status, label } = shownStatus(run);
  if (status === 'idle') return null;
  return <span className={`gp-badge badge-${status}`} data-status={status} title={run?.message ?? run?.error ?? status}>{label}</span>;
}
