/** The live transport section of the top bar: Live on/off, play/stop, tempo, meter, loop, volume, record and export, health indicators. */
import { useState } from 'react';
import type { LiveSession } from '../../audio/live/liveSession';
import { useApp } from '../AppContext';
import { useStore } from '../state/store';
import { exportTake } from './liveExports';
import { LiveHealthBadges } from './LiveHealthBadges';
import { useLiveSession } from './useLive';
import './live.css';

const METERS = ['4/4', '3/4', '2/4', '5/4', '6/8', '7/8', '12/8'];

/** Live toggle, and the live transport while live mode is on. */
export function LiveControls() {
  const { live } = useApp();
  const st = useStore(live.state, (s) => s);
  const session = useLiveSession();
  return (
    <div className="gp-bar-group gp-live" data-testid="live">
      <button type="button" className={`gp-live-toggle${st.enabled ? ' on' : ''}`} data-testid="live-toggle" disabled={st.starting}
        onClick={() => void (st.enabled ? live.disable() : live.enable())}
        title={st.error ?? 'Live mode: play the patch with a transport, controls that move while it plays, record the performance'}>
        {st.starting ? 'Live…' : st.enabled ? '◉ Live' : '○ Live'}
      </button>
      {session && <LiveTransport session={session} />}
    </div>
  );
}

function LiveTransport({ session }: { session: LiveSession }) {
  const app = useApp();
  const t = useStore(session.transport.state, (s) => s);
  const rec = useStore(app.live.record, (r) => r);
  const [volume, setVolume] = useState(0.8);
  const meter = `${t.meter.numerator}/${t.meter.denominator}`;
  return (
    <>
      <button type="button" className={`gp-play${t.playing ? ' on' : ''}`} data-testid="live-play"
        onClick={() => void app.live.togglePlay()} title="Play / stop the live transport (Space)">
        {t.playing ? '■ Stop' : '▶ Play'}
      </button>
      <label className="gp-field" title="Tempo of the transport">
        <span>BPM</span>
        <input type="number" min={20} max={300} value={t.bpm} data-testid="live-bpm" onChange={(e) => session.transport.setBpm(Number(e.target.value))} />
      </label>
      <select value={meter} title="Meter" data-testid="live-meter" onChange={(e) => {
        const [n, d] = e.target.value.split('/').map(Number);
        session.transport.setMeter(n, d);
      }}>
        {(METERS.includes(meter) ? METERS : [meter, ...METERS]).map((m) => <option key={m}>{m}</option>)}
      </select>
      <label className="gp-check" title="Loop the first bars of the transport">
        <input type="checkbox" checked={t.loop} onChange={(e) => session.transport.setLoop(e.target.checked)} /> loop
      </label>
      <input type="number" className="gp-live-bars" min={1} max={256} value={t.loopBars} title="Bars in the loop" style={{ width: 44 }}
        onChange={(e) => session.transport.setLoop(t.loop, Number(e.target.value))} />
      <label className="gp-field" title="Master volume (a limiter follows)">
        <span>Vol</span>
        <input type="range" min={0} max={1} step={0.01} value={volume} onChange={(e) => { setVolume(Number(e.target.value)); session.master.setVolume(Number(e.target.value)); }} />
      </label>
      <button type="button" className={`gp-live-rec${rec.recording ? ' on' : ''}`} data-testid="live-record"
        onClick={() => (rec.recording ? void app.live.stopRecording() : app.live.startRecording())}
        title="Record the output and the played notes">
        {rec.recording ? '■ Rec' : '● Rec'}
      </button>
      <button type="button" disabled={!rec.take} data-testid="live-export-wav" onClick={() => rec.take && exportTake(app, rec.take, 'wav')}
        title="Export the take as WAV with the patch embedded">take WAV ↓</button>
      <button type="button" disabled={!rec.take} data-testid="live-export-midi" onClick={() => rec.take && exportTake(app, rec.take, 'midi')}
        title="Export the take's notes as MIDI with the patch embedded">take MIDI ↓</button>
      <LiveHealthBadges session={session} />
    </>
  );
}
