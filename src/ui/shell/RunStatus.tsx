/** The run status line shown under the canvas: running, or what the last run did. */
import { useApp } from '../AppContext';
import { useStore } from '../state/store';

/** One line: running…, or done · N ran · N cached · N failed · ms. */
export function RunStatus() {
  const { runtime } = useApp();
  const busy = useStore(runtime.busy, (b) => b);
  const summary = useStore(runtime.summary, (s) => s);
  const text = busy ? 'running…'
    : summary ? `${summary.cancelled ? 'cancelled' : 'done'} · ${summary.ran} ran · ${summary.cached} cached${summary.failed ? ` · ${summary.failed} failed` : ''} · ${summary.ms.toFixed(0)} ms`
    : 'idle';
  return <div className={`gp-run-status${busy ? ' busy' : ''}${summary?.failed ? ' failed' : ''}`} data-testid="run-status">{text}</div>;
}
