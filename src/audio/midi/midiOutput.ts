/** MIDI output adapter: send normalised events to an external synth; remembers held notes so stopping never leaves one hanging. */
import { connectedPorts, requestMidiAccess, type MidiAccessRequest, type MidiOutputLike, type MidiPortInfo, type MidiStatus } from './midiAccess';
import { encodeMidiEvent, type MidiEvent } from './midiMessages';

/** Options of `openMidiOutput`. */
export interface MidiOutputOptions {
  /** Output port id; default the first connected output (and the next one if it goes away). */
  port?: string;
  /** Injected for tests; default navigator.requestMIDIAccess. */
  request?: MidiAccessRequest;
}

/** An open MIDI output. */
export interface MidiOutputAdapter {
  readonly status: MidiStatus;
  readonly message: string;
  /** The connected outputs. */
  ports(): MidiPortInfo[];
  /** Sends to output `id` from now on (null: the first connected). */
  select(id: string | null): void;
  /** Sends an event now, or at `atMs` on the performance.now() clock; false when there is no output to send to. */
  send(event: MidiEvent, atMs?: number): boolean;
  /** Ends every note this adapter left on. */
  allNotesOff(): void;
  /** Ends held notes and lets go of the output. */
  close(): void;
}

/**
 * Opens MIDI output. Never throws for missing MIDI: `send` returns false and the status says why.
 * @example
 * const out = await openMidiOutput();
 * out.send({ type: 'noteon', channel: 0, note: 60, velocity: 0.8 });
 */
export async function openMidiOutput(options: MidiOutputOptions = {}): Promise<MidiOutputAdapter> {
  const result = await requestMidiAccess(options.request);
  if (!result.access) {
    const { status, message } = result;
    return { status, message, ports: () => [], select: () => undefined, send: () => false, allNotesOff: () => undefined, close: () => undefined };
  }
  const access = result.access;
  let selected: string | null = options.port ?? null;
  const held = new Set<number>(); // channel * 128 + note

  const target = (): MidiOutputLike | null => {
    const ports = connectedPorts(access.outputs);
    return (selected === null ? ports[0] : ports.find((p) => p.info.id === selected))?.port ?? null;
  };
  const sendNow = (event: MidiEvent, atMs?: number): boolean => {
    const port = target();
    if (!port) return false;
    port.send(encodeMidiEvent(event), atMs);
    const key = 'note' in event ? event.channel * 128 + event.note : -1;
    if (event.type === 'noteon') held.add(key);
    else if (event.type === 'noteoff') held.delete(key);
    return true;
  };

  const adapter: MidiOutputAdapter = {
    get status(): MidiStatus {
      return target() ? 'ready' : 'no-device';
    },
    get message(): string {
      if (target()) return '';
      return selected === null ? 'no MIDI output is connected' : `MIDI output "${selected}" is not connected`;
    },
    ports: () => connectedPorts(access.outputs).map((p) => p.info),
    select(id) {
      adapter.allNotesOff();
      selected = id;
    },
    send: sendNow,
    allNotesOff() {
      for (const key of [...held]) sendNow({ type: 'noteoff', channel: Math.floor(key / 128), note: key % 128, velocity: 0 });
      held.clear();
    },
    close() {
      adapter.allNotesOff();
    },
  };
  return adapter;
}
