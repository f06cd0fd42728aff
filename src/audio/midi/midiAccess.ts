/**
 * Getting Web MIDI access behind a small interface, so tests inject a fake (web-midi-test) and every
 * failure becomes a status instead of an exception: unsupported browser, permission refused, no device.
 */

/** What the adapters read from a MIDI port. */
export interface MidiPortLike {
  readonly id: string;
  readonly name?: string | null;
  readonly manufacturer?: string | null;
  readonly state?: string;
}

/** A MIDI input port (Web MIDI's MIDIInput, or a fake). */
export interface MidiInputLike extends MidiPortLike {
  onmidimessage: ((event: { data: Uint8Array | null; timeStamp: number }) => void) | null;
  close?(): Promise<unknown>;
}

/** A MIDI output port (Web MIDI's MIDIOutput, or a fake). */
export interface MidiOutputLike extends MidiPortLike {
  send(data: number[], timestamp?: number): void;
}

/** The read-only map-like collections of MIDIAccess. */
export interface MidiPortMap<T> {
  forEach(fn: (port: T, id: string) => void): void;
}

/** Web MIDI's MIDIAccess, as far as the adapters use it. */
export interface MidiAccessLike {
  readonly inputs: MidiPortMap<MidiInputLike>;
  readonly outputs: MidiPortMap<MidiOutputLike>;
  onstatechange: ((event: unknown) => void) | null;
}

/** `navigator.requestMIDIAccess`, or a fake with its shape. */
export type MidiAccessRequest = (options?: { sysex?: boolean }) => Promise<MidiAccessLike>;

/** Where a MIDI adapter stands: 'ready' with ports; 'no-device' until one is plugged in; the rest are final. */
export type MidiStatus = 'ready' | 'no-device' | 'denied' | 'unsupported' | 'error';

/** A port as the UI lists it. */
export interface MidiPortInfo {
  id: string;
  name: string;
}

/** The result of `requestMidiAccess`: access, or why there is none. */
export type MidiAccessResult =
  | { access: MidiAccessLike; status: 'ready' }
  | { access: null; status: 'denied' | 'unsupported' | 'error'; message: string };

/** The browser's own request function, or undefined where the browser has no Web MIDI. */
function browserRequest(): MidiAccessRequest | undefined {
  const nav = (globalThis as { navigator?: { requestMIDIAccess?: MidiAccessRequest } }).navigator;
  return nav?.requestMIDIAccess ? (options) => nav.requestMIDIAccess!(options) : undefined;
}

/**
 * Asks for MIDI access (without sysex) and classifies failures.
 * @example
 * const r = await requestMidiAccess();
 * if (!r.access) showBanner(r.message); // e.g. 'MIDI permission was refused'
 */
export async function requestMidiAccess(request: MidiAccessRequest | undefined = browserRequest()): Promise<MidiAccessResult> {
  if (!request) return { access: null, status: 'unsupported', message: 'this browser has no Web MIDI (navigator.requestMIDIAccess is missing)' };
  try {
    return { access: await request({ sysex: false }), status: 'ready' };
  } catch (err) {
    const name = (err as { name?: string }).name;
    const text = (err as { message?: string }).message ?? String(err);
    if (name === 'SecurityError' || name === 'NotAllowedError') return { access: null, status: 'denied', message: `MIDI permission was refused: ${text}` };
    if (name === 'NotSupportedError') return { access: null, status: 'unsupported', message: `Web MIDI is not available here: ${text}` };
    return { access: null, status: 'error', message: `MIDI access failed: ${text}` };
  }
}

/** The connected ports of a map, as {id, name}, with the port objects. */
export function connectedPorts<T extends MidiPortLike>(map: MidiPortMap<T>): { info: MidiPortInfo; port: T }[] {
  const list: { info: MidiPortInfo; port: T }[] = [];
  map.forEach((port, id) => {
    if (port.state === undefined || port.state === 'connected') list.push({ info: { id: port.id ?? id, name: port.name || port.id || id }, port });
  });
  return list;
}
