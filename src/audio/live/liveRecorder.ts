/**
 * Records a performance: the master output as heard (blocks from the recorder worklet) and the
 * note streams of the patch (every event a keyboard emits or a looped note clip plays), then
 * exports them as WAV and MIDI with the patch embedded, so the files reopen their patch.
 */
import type { LiveNoteEvent } from '../../engine/node';
import type { AudioClip, Note, NoteSequence } from '../../engine/values';
import { writeWav } from '../../dsp/wav';
import { writeMidi } from '../../music/midi';
import { RECORDER_PROCESSOR, type RecorderMessage } from './liveWorklets';
import type { WorkletFactory } from './masterBus';

/** A finished take. */
export interface LiveTake {
  audio: AudioClip;
  notes: NoteSequence;
  /** Audio-clock time of the take's first sample. */
  startTime: number;
}

/** What the recorder needs of the session: its context, clock and a way to listen to the output. */
export interface RecorderSetup {
  ctx: BaseAudioContext;
  worklet: WorkletFactory;
  bpm(): number;
  meter(): { numerator: number; denominator: number };
  /** Connects the recorder's node to what is heard (true) or disconnects it (false). */
  tap(node: AudioNode, on: boolean): void;
}

/** Pairs note-ons with note-offs per source and pitch, in beats from `t0`. */
export function eventsToNotes(events: readonly { source: string; event: LiveNoteEvent }[], t0: number, end: number, bpm: number): Note[] {
  const toBeats = (t: number): number => Math.max(0, ((t - t0) * bpm) / 60);
  const voices = [...new Set(events.map((e) => e.source))];
  const open = new Map<string, LiveNoteEvent[]>();
  const notes: Note[] = [];
  const close = (source: string, on: LiveNoteEvent, at: number): void => {
    if (at <= t0) return;
    const start = toBeats(on.time);
    notes.push({ pitch: on.pitch, velocity: Math.max(0.01, Math.min(1, on.velocity)), start, duration: Math.max(1 / 64, toBeats(at) - start), voice: voices.indexOf(source) });
  };
  const sorted = [...events].sort((a, b) => a.event.time - b.event.time || (a.event.type === 'off' ? -1 : 1));
  for (const { source, event } of sorted) {
    const key = `${source}:${event.pitch}`;
    if (event.type === 'on') open.set(key, [...(open.get(key) ?? []), event]);
    else {
      const list = open.get(key);
      const on = list?.shift();
      if (on) close(source, on, Math.min(event.time, end));
    }
  }
  for (const [key, list] of open) for (const on of list) close(key.slice(0, key.lastIndexOf(':')), on, end);
  return notes.filter((n) => n.start < toBeats(end)).sort((a, b) => a.start - b.start || a.pitch - b.pitch);
}

/**
 * The recorder of one session.
 * @example
 * recorder.start(); … const take = await recorder.stop(); const wav = recorder.wav(take, patchJson);
 */
export class LiveRecorder {
  private blocks: Float32Array[][] = [];
  private events: { source: string; event: LiveNoteEvent }[] = [];
  private startTime: number | null = null;
  private recording = false;
  private stopped: (() => void) | null = null;
  /** The recorder processor, made on the first take (an idle worklet still costs render time). */
  private node: AudioWorkletNode | null = null;

  constructor(private setup: RecorderSetup) {}

  /** True between start and stop. */
  get active(): boolean {
    return this.recording;
  }

  /** Starts a new take (the previous one is dropped). */
  start(): void {
    this.blocks = [];
    this.events = [];
    this.startTime = null;
    this.recording = true;
    if (!this.node) {
      this.node = this.setup.worklet(this.setup.ctx, RECORDER_PROCESSOR, { numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [2] });
      this.node.port.onmessage = (e: MessageEvent<RecorderMessage>) => this.receive(e.data);
    }
    this.setup.tap(this.node, true);
    this.node.port.postMessage('start');
  }

  /** Adds a note event of node `source` to the take. */
  addEvent(source: string, event: LiveNoteEvent): void {
    if (this.recording) this.events.push({ source, event });
  }

  /** Ends the take once the worklet has sent its last block. */
  stop(): Promise<LiveTake> {
    if (!this.recording) return Promise.reject(new Error('recorder: nothing is being recorded'));
    this.recording = false;
    return new Promise((resolve) => {
      this.stopped = () => resolve(this.take());
      this.node!.port.postMessage('stop');
    });
  }

  /** The take as a WAV file with the patch embedded. */
  wav(take: LiveTake, patchJson: string): Uint8Array {
    return writeWav(take.audio, { patchJson });
  }

  /** The take's notes as a MIDI file with the patch embedded. */
  midi(take: LiveTake, patchJson: string): Uint8Array {
    return writeMidi(take.notes, { patchJson });
  }

  private receive(message: RecorderMessage): void {
    if (message.type === 'started') this.startTime = message.frame / this.setup.ctx.sampleRate;
    else if (message.type === 'block') this.blocks.push(message.channels);
    else if (message.type === 'stopped') {
      this.setup.tap(this.node!, false);
      this.stopped?.();
      this.stopped = null;
    }
  }

  private take(): LiveTake {
    const count = this.blocks[0]?.length ?? 2;
    const frames = this.blocks.reduce((n, b) => n + b[0].length, 0);
    const channels = Array.from({ length: count }, () => new Float32Array(frames));
    let at = 0;
    for (const block of this.blocks) {
      block.forEach((data, c) => channels[c].set(data, at));
      at += block[0].length;
    }
    const startTime = this.startTime ?? 0;
    const sampleRate = this.setup.ctx.sampleRate;
    const end = startTime + frames / sampleRate;
    const bpm = this.setup.bpm();
    const notes = eventsToNotes(this.events, startTime, end, bpm);
    const length = ((end - startTime) * bpm) / 60;
    const voices = [...new Set(this.events.map((e) => e.source))].map((name) => ({ name }));
    return {
      audio: { sampleRate, channels },
      notes: { notes, tempo: bpm, timeSignature: this.setup.meter(), length, voices },
      startTime,
    };
  }
}
