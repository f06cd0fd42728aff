/** Run controls: run now, stop, and auto re-run. */
import { useApp } from '../AppContext';
import { useStore } from '../state/store';

/** Run / Stop / Auto. */
export function RunControls() {
  const { runner, runtime } = useApp();
  const auto = useStore(runner.auto, (a) => a);
  const busy = useStore(runtime.busy, (b) => b);
  return (
    <div className="gp-bar-group gp-run" data-testid="run-controls">
      <button type="button" className="gp-primary" onClick={() => void runner.runNow()} title="Run now (Ctrl Enter)">▶ Run</button>
      <button type="button" onClick={() => runner.stop()} disabled={!busy} title="Stop the run (Esc)">■ Stop</button>
      <label className="gp-check" title="Re-run after every edit">
        <input type="checkbox" checked={auto} onChange={(e) => runner.auto.set(e.target.checked)} /> auto
      </label>
    </div>
  );
}
