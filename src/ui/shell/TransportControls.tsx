/** The transport: play/stop and loop of the output audio, tempo for note playback, master volume and a meter. */
import { useEffect, useRef } from 'react';
import { useApp } from '../AppContext';
import { useStore } from '../state/store';
import { togglePlay } from './playback';

/** Transport buttons and controls. */
export function TransportControls() {
  const app = useApp();
  const { player, runner } = app;
  const s = useStore(player.state, (x) => x);
  const hasOutput = useStore(runner.outputAudio, (c) => c !== null);
  if (useStore(app.live.state, (l) => l.enabled)) return null; // the live transport replaces it
  return (
    <div className="gp-bar-group gp-transport" data-testid="transport">
      <button type="button" className={`gp-play${s.playing ? ' on' : ''}`} onClick={() => void togglePlay(app)}
        disabled={!hasOutput && !s.playing} title="Play / stop the output (Space)" data-testid="play">
        {s.playing ? '■' : '▶'} {s.playing ? 'Stop' : 'Play'}
      </button>
      <label className="gp-check" title="Loop playback">
        <input type="checkbox" checked={s.loop} onChange={(e) => player.setLoop(e.target.checked)} /> loop
      </label>
      <label className="gp-field" title="Tempo used to play note previews">
        <span>BPM</span>
        <input type="number" min={20} max={300} value={s.tempo} onChange={(e) => player.setTempo(Number(e.target.value))} />
      </label>
      <label className="gp-field" title="Master volume (a limiter follows)">
        <span>Vol</span>
        <input type="range" min={0} max={1} step={0.01} value={s.volume} onChange={(e) => player.setVolume(Number(e.target.value))} />
      </label>
      <Meter />
    </div>
  );
}

/** A peak meter of the master output, drawn while playing. */
function Meter() {
  const { player } = useApp();
  const playing = useStore(player.state, (x) => x.playing);
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!playing) { if (bar.current) bar.current.style.width = '0%'; return; }
    let raf = 0;
    let level = 0;
    const tick = (): void => {
      level = Math.max(player.takeMeterPeak(), level * 0.92);
      if (bar.current) {
        bar.current.style.width = `${Math.min(100, level * 100)}%`;
        bar.current.style.background = level > 0.98 ? '#ff5555' : '#7bd389';
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, player]);
  return <div className="gp-meter" title="Output level"><div ref={bar} /></div>;
}
