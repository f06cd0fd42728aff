/** MIDI input adapter: every connected input (or a chosen one) → normalised events, following devices as they come and go. */
import { connectedPorts, requestMidiAccess, type MidiAccessRequest, type MidiInputLike, type MidiPortInfo, type MidiStatus } from './midiAccess';
import { parseMidiMessage, type MidiEvent } from './midiMessages';

/** An event with where and when it came in. */
export type MidiInputEvent = MidiEvent & {
  /** The input port's id. */
  port: string;
  /** The event's timeStamp (ms, performance.now() clock). */
  time: number;
};

/** Options of `openMidiInput`. */
export interface MidiInputOptions {
  onEvent(event: MidiInputEvent): void;
  /** Called when inputs are plugged or unplugged. */
  onPortsChange?(ports: MidiPortInfo[]): void;
  /** Injected for tests; default navigator.requestMIDIAccess. */
  request?: MidiAccessRequest;
}

/** A listening MIDI input. */
export interface MidiInputAdapter {
  /** 'ready' while an input is listened to, 'no-device' while none is connected, or why MIDI is unavailable. */
  readonly status: MidiStatus;
  /** A sentence for the UI when status is not 'ready'. */
  readonly message: string;
  /** The connected inputs. */
  ports(): MidiPortInfo[];
  /** Listens to input `id` only, or to all inputs with null (the default). */
  select(id: string | null): void;
  /** Stops listening. */
  close(): void;
}

/**
 * Opens MIDI input. Never throws for missing MIDI: the adapter's status says why it hears nothing.
 * @example
 * const midi = await openMidiInput({ onEvent: (e) => e.type === 'noteon' && play(e.note, e.velocity) });
 * if (midi.status !== 'ready') notify(midi.message);
 */
export async function openMidiInput(options: MidiInputOptions): Promise<MidiInputAdapter> {
  const result = await requestMidiAccess(options.request);
  if (!result.access) {
    const { status, message } = result;
    return { status, message, ports: () => [], select: () => undefined, close: () => undefined };
  }
  const access = result.access;
  let selected: string | null = null;
  let listening: MidiInputLike[] = [];
  let closed = false;

  const attach = (): void => {
    for (const port of listening) port.onmidimessage = null;
    listening = [];
    if (closed) return;
    for (const { info, port } of connectedPorts(access.inputs)) {
      if (selected !== null && info.id !== selected) continue;
      port.onmidimessage = (e) => {
        const event = e.data ? parseMidiMessage(e.data) : null;
        if (event) options.onEvent({ ...event, port: info.id, time: e.timeStamp });
      };
      listening.push(port);
    }
  };
  access.onstatechange = () => {
    attach();
    options.onPortsChange?.(connectedPorts(access.inputs).map((p) => p.info));
  };
  attach();

  return {
    get status(): MidiStatus {
      return listening.length > 0 ? 'ready' : 'no-device';
    },
    get message(): string {
      if (listening.length > 0) return '';
      return selected === null ? 'no MIDI input is connected' : `MIDI input "${selected}" is not connected`;
    },
    ports: () => connectedPorts(access.inputs).map((p) => p.info),
    select(id) {
      selected = id;
      attach();
    },
    close() {
      closed = true;
      access.onstatechange = null;
      for (const port of listening) void port.close?.().catch(() => undefined);
      attach();
    },
  };
}
