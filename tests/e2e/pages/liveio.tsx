/**
 * The live I/O test page (tests/e2e/pages/liveio.html, a second Vite entry): the widgets, and
 * `window.__liveio` for the e2e specs and bench/live.ts to drive streaming, MIDI and the microphone.
 */
import '../../../src/ui/styles.css';
import { createRoot } from 'react-dom/client';
import { createLevelMeter, openMicrophone, type LevelMeter, type MicrophoneInput } from '../../../src/audio/inputs';
import { openMidiInput, type MidiInputAdapter, type MidiInputEvent } from '../../../src/audio/midi';
import { createAudioStream, type AudioStream, type AudioStreamOptions, type ControlLatency, type StreamStats } from '../../../src/audio/stream';
import type { ControlMessage } from '../../../src/audio/stream/blockGenerator';
import { Keyboard, Knob, Slider, XYPad } from '../../../src/ui/live/widgets';

/** One widget callback, as logged for the specs. */
export interface WidgetEvent {
  widget: string;
  kind: string;
  value: unknown;
}

/** What the page offers to the specs and the bench. */
export interface LiveIoApi {
  crossOriginIsolated: boolean;
  /** `worker: 'ddsp'` streams from the live DDSP instrument's Worker (src/audio/live/ddspStreamWorker.ts) instead of the built-in generators. */
  startStream(options: Omit<AudioStreamOptions, 'onError' | 'worker'> & { worker?: 'ddsp' }): Promise<{ transport: string; sampleRate: number; baseLatency: number; outputLatency: number }>;
  control(message: ControlMessage): Promise<ControlLatency>;
  streamStats(): Promise<StreamStats>;
  /** Loudest frequency and RMS of the stream's output now. */
  streamMeter(): { frequency: number; rms: number };
  stopStream(): Promise<void>;
  openMidi(): Promise<{ status: string; message: string; ports: string[] }>;
  midiEvents: MidiInputEvent[];
  openMic(): Promise<{ status: string; message: string; label: string }>;
  micMeter(): { frequency: number; rms: number; peak: number };
  widgetLog: WidgetEvent[];
  errors: string[];
}

declare global {
  interface Window {
    __liveio?: LiveIoApi;
  }
}

let ctx: AudioContext | null = null;
let stream: AudioStream | null = null;
let streamWorker: Worker | undefined;
let streamMeter: LevelMeter | null = null;
let mic: MicrophoneInput | null = null;
let micMeter: LevelMeter | null = null;
let midi: MidiInputAdapter | null = null;

const context = (): AudioContext => (ctx ??= new AudioContext({ latencyHint: 'interactive', sampleRate: 48000 }));

const api: LiveIoApi = {
  crossOriginIsolated: globalThis.crossOriginIsolated === true,
  async startStream(options) {
    const c = context();
    await c.resume();
    const { worker: workerName, ...rest } = options;
    streamWorker = workerName === 'ddsp'
      ? new Worker(new URL('../../../src/audio/live/ddspStreamWorker.ts', import.meta.url), { type: 'module', name: 'genpatch DDSP stream' }) : undefined;
    stream = await createAudioStream(c, { ...rest, worker: streamWorker, onError: (m) => api.errors.push(m) });
    stream.node.connect(c.destination);
    streamMeter = createLevelMeter(c, stream.node, 4096);
    return { transport: stream.transport, sampleRate: c.sampleRate, baseLatency: c.baseLatency, outputLatency: c.outputLatency };
  },
  control: (message) => stream!.control(message),
  streamStats: () => stream!.stats(),
  streamMeter: () => ({ frequency: streamMeter!.loudestFrequency(), rms: streamMeter!.level().rms }),
  async stopStream() {
    streamMeter?.disconnect();
    stream?.close();
    streamWorker?.terminate();
    stream = null;
    streamMeter = null;
  },
  async openMidi() {
    midi = await openMidiInput({ onEvent: (e) => api.midiEvents.push(e) });
    return { status: midi.status, message: midi.message, ports: midi.ports().map((p) => p.name) };
  },
  midiEvents: [],
  async openMic() {
    const c = context();
    await c.resume();
    mic = await openMicrophone(c);
    if (mic.node) micMeter = createLevelMeter(c, mic.node, 4096);
    return { status: mic.status, message: mic.message, label: mic.label };
  },
  micMeter: () => ({ frequency: micMeter!.loudestFrequency(), ...micMeter!.level() }),
  widgetLog: [],
  errors: [],
};
window.__liveio = api;

const log = (widget: string, kind: string) => (value: unknown): void => { api.widgetLog.push({ widget, kind, value }); };

function Page() {
  return (
    <main style={{ padding: 24, display: 'flex', flexDirection: 'column', gap: 24, height: '100%', overflow: 'auto', background: 'var(--bg)' }}>
      <h1 style={{ margin: 0, fontSize: 16 }}>genpatch live I/O widgets</h1>
      <section data-testid="keyboard" style={{ width: 720 }}>
        <Keyboard onNoteOn={(note, velocity) => log('keyboard', 'on')({ note, velocity })} onNoteOff={(note) => log('keyboard', 'off')({ note })}
          litNotes={[67]} onOctaveChange={log('keyboard', 'octave')} onVelocityChange={log('keyboard', 'velocity')} />
      </section>
      <section style={{ display: 'flex', gap: 32, alignItems: 'flex-start' }}>
        <div data-testid="xy"><XYPad label="Timbre" xLabel="brightness" yLabel="noise" onChange={log('xy', 'change')} onCommit={log('xy', 'commit')} /></div>
        <div data-testid="sliders" style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
          <Slider label="Cutoff" range={{ min: 40, max: 12000, scale: 'log' }} defaultValue={1000} unit="Hz" onChange={log('cutoff', 'change')} onCommit={log('cutoff', 'commit')} />
          <Slider label="Steps" range={{ min: 0, max: 16, step: 1 }} defaultValue={8} onChange={log('steps', 'change')} />
        </div>
        <div data-testid="vertical"><Slider label="Gain" orientation="vertical" range={{ min: 0, max: 1 }} defaultValue={0.7} onChange={log('gain', 'change')} /></div>
        <div data-testid="knobs" style={{ display: 'flex', gap: 16 }}>
          <Knob label="Resonance" range={{ min: 0, max: 1 }} defaultValue={0.25} onChange={log('resonance', 'change')} onCommit={log('resonance', 'commit')} />
          <Knob label="Rate" range={{ min: 0.1, max: 20, scale: 'log' }} defaultValue={2} unit="Hz" size={64} onChange={log('rate', 'change')} />
        </div>
      </section>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<Page />);
