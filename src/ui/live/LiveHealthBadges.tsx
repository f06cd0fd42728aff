/** Indicators of a live session: muted NaNs (naming the node), nodes that cannot keep up or failed, late events and underruns, stalled frames, output and stream latency. */
import type { LiveSession } from '../../audio/live/liveSession';
import { useStore } from '../state/store';
import { useLiveProblems } from './useLive';

/** The badges; each names what it counts in its tooltip. */
export function LiveHealthBadges({ session }: { session: LiveSession }) {
  const health = useStore(session.monitor.health, (h) => h);
  const problems = useLiveProblems(session);
  const nan = problems.filter((p) => p.kind === 'nan');
  const slow = problems.filter((p) => p.kind === 'slow');
  const failed = problems.filter((p) => p.kind === 'error');
  const notes = problems.filter((p) => p.kind === 'bypass');
  const late = health.lateEvents + health.underruns;
  return (
    <>
      <span className={`gp-live-badge ${nan.length ? 'bad' : 'ok'}`} data-testid="live-nan" title={nan.map((p) => p.message).join('\n') || 'No NaN or infinite values'}>
        {nan.length ? `NaN muted: ${nan.map((p) => session.runtime.title(p.nodeId)).join(', ')}` : 'NaN ok'}
      </span>
      {slow.length > 0 && <span className="gp-live-badge bad" data-testid="live-slow" title={slow.map((p) => p.message).join('\n')}>
        {`can't keep up: ${slow.map((p) => session.runtime.title(p.nodeId)).join(', ')}`}</span>}
      {failed.length > 0 && <span className="gp-live-badge bad" data-testid="live-failed" title={failed.map((p) => p.message).join('\n')}>
        {`failed: ${failed.map((p) => session.runtime.title(p.nodeId)).join(', ')}`}</span>}
      <span className={`gp-live-badge ${late ? 'warn' : 'ok'}`} data-testid="live-late"
        title={`Clip starts and notes scheduled after their time: ${health.lateEvents}; stream and device underruns: ${health.underruns}; control frames later than 50 ms: ${health.longFrames}`}>
        {late ? `late ${late}` : 'in time'}{health.longFrames ? ` · stalls ${health.longFrames}` : ''}
      </span>
      {health.latencyMs !== null && <span className="gp-live-badge" title="Output latency of the audio device">{health.latencyMs} ms</span>}
      {health.streamLatency && <span className={`gp-live-badge ${health.streamLatency.p50Ms > 30 ? 'warn' : ''}`} data-testid="live-stream-latency"
        title={`Streaming nodes, control change → first sample out of the stream (device latency not included): median ${health.streamLatency.p50Ms.toFixed(1)} ms, 95th percentile ${health.streamLatency.p95Ms.toFixed(1)} ms, most ${health.streamLatency.maxMs.toFixed(1)} ms over ${health.streamLatency.count} changes`}>
        stream {health.streamLatency.p50Ms.toFixed(0)} ms</span>}
      <span className={`gp-live-badge ${health.frameMs > 8 ? 'warn' : ''}`} data-testid="live-load"
        title={`Main-thread time of a control frame: ${health.frameMs.toFixed(2)} ms on average over the last second, ${health.frameMaxMs.toFixed(1)} ms at most (a frame lasts 16.7 ms); applying an edit: ${health.applyMs.toFixed(1)} ms (most ${health.applyMaxMs.toFixed(1)} ms)`}>
        frame {health.frameMs.toFixed(1)} ms
      </span>
      {notes.length > 0 && <span className="gp-live-badge warn" title={notes.map((p) => p.message).join('\n')}>render-only in path</span>}
    </>
  );
}
