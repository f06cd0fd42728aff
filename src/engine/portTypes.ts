/**
 * Port types: the kinds of value an edge can carry, each with a runtime validator, a byte-size
 * estimate for the cache, and a colour for the editor. Conversions between types are declared
 * explicitly; a connection is legal only between equal types, through a conversion, or into `any`.
 */
import type {
  AudioClip, Chords, Features, Grid, Latent, ModelValue, NoteSequence, Scale, SynthControls, Tokens,
} from './values';

/** Definition of one port type. */
export interface PortTypeDef {
  id: string;
  title: string;
  /** CSS colour used for handles and edges of this type. */
  color: string;
  /** Returns null when `value` is valid, otherwise a message saying what is wrong. */
  validate(value: unknown): string | null;
  /** Approximate size in bytes, for the bounded cache. */
  sizeOf(value: unknown): number;
}

/** A declared conversion from one port type to another. */
export interface Conversion {
  from: string;
  to: string;
  convert(value: unknown): unknown;
}

/** Maps built-in port type ids to the TypeScript type of their values. */
export interface PortValueMap {
  notes: NoteSequence;
  audio: AudioClip;
  number: number;
  boolean: boolean;
  text: string;
  features: Features;
  'ddsp-controls': SynthControls;
  latent: Latent;
  tokens: Tokens;
  grid: Grid;
  scale: Scale;
  chords: Chords;
  events: unknown;
  signal: unknown;
  any: unknown;
}

/** The TS value type of a port type id (`model:<kind>` ids map to ModelValue). */
export type PortValue<T extends string> = T extends keyof PortValueMap
  ? PortValueMap[T]
  : T extends `model:${string}` ? ModelValue : unknown;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function validateNotes(v: unknown): string | null {
  if (!isObj(v)) return 'expected a NoteSequence object';
  if (!Array.isArray(v.notes)) return 'notes: expected an array';
  if (!finite(v.tempo) || v.tempo <= 0) return 'tempo: expected a positive number';
  if (!finite(v.length) || v.length < 0) return 'length: expected a number of beats ≥ 0';
  const ts = v.timeSignature;
  if (!isObj(ts) || !finite(ts.numerator) || !finite(ts.denominator)) return 'timeSignature: expected {numerator, denominator}';
  for (let i = 0; i < v.notes.length; i++) {
    const n = v.notes[i] as Record<string, unknown>;
    if (!isObj(n)) return `notes[${i}]: expected an object`;
    if (!Number.isInteger(n.pitch) || (n.pitch as number) < 0 || (n.pitch as number) > 127) return `notes[${i}].pitch: expected an integer 0–127`;
    if (!finite(n.velocity) || n.velocity < 0 || n.velocity > 1) return `notes[${i}].velocity: expected 0–1`;
    if (!finite(n.start) || n.start < 0) return `notes[${i}].start: expected beats ≥ 0`;
    if (!finite(n.duration) || n.duration <= 0) return `notes[${i}].duration: expected beats > 0`;
  }
  return null;
}

function validateAudio(v: unknown): string | null {
  if (!isObj(v)) return 'expected an AudioClip object';
  if (!finite(v.sampleRate) || v.sampleRate <= 0) return 'sampleRate: expected a positive number';
  if (!Array.isArray(v.channels) || v.channels.length === 0) return 'channels: expected at least one channel';
  const len = (v.channels[0] as Float32Array)?.length;
  for (let i = 0; i < v.channels.length; i++) {
    if (!(v.channels[i] instanceof Float32Array)) return `channels[${i}]: expected a Float32Array`;
    if ((v.channels[i] as Float32Array).length !== len) return `channels[${i}]: length differs from channel 0`;
  }
  return null;
}

function validateFeatures(v: unknown): string | null {
  if (!isObj(v)) return 'expected a Features object';
  if (!finite(v.frameRate) || v.frameRate <= 0) return 'frameRate: expected a positive number';
  if (!(v.f0 instanceof Float32Array)) return 'f0: expected a Float32Array';
  if (!(v.loudness instanceof Float32Array)) return 'loudness: expected a Float32Array';
  if (v.f0.length !== v.loudness.length) return 'f0 and loudness differ in length';
  return null;
}

function validateSynthControls(v: unknown): string | null {
  if (!isObj(v)) return 'expected a SynthControls object';
  if (!finite(v.frameRate) || v.frameRate <= 0) return 'frameRate: expected a positive number';
  for (const key of ['f0', 'amplitude', 'harmonics', 'noise']) {
    if (!(v[key] instanceof Float32Array)) return `${key}: expected a Float32Array`;
  }
  const frames = (v.f0 as Float32Array).length;
  if ((v.amplitude as Float32Array).length !== frames) return 'f0 and amplitude differ in length';
  for (const [key, count] of [['harmonics', 'harmonicCount'], ['noise', 'noiseBands']] as const) {
    if (!Number.isInteger(v[count]) || (v[count] as number) < 1) return `${count}: expected a positive integer`;
    if ((v[key] as Float32Array).length !== frames * (v[count] as number)) return `${key}: length is not frames × ${count}`;
  }
  return null;
}

function validateLatent(v: unknown): string | null {
  if (!isObj(v)) return 'expected a Latent object';
  if (typeof v.space !== 'string') return 'space: expected a string';
  if (!(v.data instanceof Float32Array)) return 'data: expected a Float32Array';
  if (!Number.isInteger(v.frames) || !Number.isInteger(v.dims)) return 'frames/dims: expected integers';
  if (v.data.length !== (v.frames as number) * (v.dims as number)) return 'data: length is not frames × dims';
  return null;
}

function validateTokens(v: unknown): string | null {
  if (!isObj(v)) return 'expected a Tokens object';
  if (typeof v.codec !== 'string') return 'codec: expected a string';
  if (!(v.data instanceof Int32Array)) return 'data: expected an Int32Array';
  if (v.data.length !== (v.codebooks as number) * (v.frames as number)) return 'data: length is not codebooks × frames';
  return null;
}

function validateGrid(v: unknown): string | null {
  if (!isObj(v)) return 'expected a Grid object';
  if (!Number.isInteger(v.width) || !Number.isInteger(v.steps)) return 'width/steps: expected integers';
  if (!(v.cells instanceof Uint8Array)) return 'cells: expected a Uint8Array';
  if (v.cells.length !== (v.width as number) * (v.steps as number)) return 'cells: length is not width × steps';
  return null;
}

const pcs = (v: unknown): boolean => Array.isArray(v) && v.every((p) => Number.isInteger(p) && p >= 0 && p < 12);

function validateScale(v: unknown): string | null {
  if (!isObj(v)) return 'expected a Scale object';
  if (typeof v.tonic !== 'string' || typeof v.name !== 'string') return 'tonic/name: expected strings';
  if (!pcs(v.pitchClasses) || (v.pitchClasses as number[]).length === 0) return 'pitchClasses: expected integers 0–11';
  return null;
}

function validateChords(v: unknown): string | null {
  if (!isObj(v) || !Array.isArray(v.chords)) return 'expected {chords: [...], length}';
  for (let i = 0; i < v.chords.length; i++) {
    const c = v.chords[i] as Record<string, unknown>;
    if (!isObj(c) || typeof c.symbol !== 'string' || !finite(c.start) || !finite(c.duration) || !pcs(c.pitchClasses)) {
      return `chords[${i}]: expected {symbol, start, duration, pitchClasses}`;
    }
  }
  return null;
}

/** Rough byte size of any value: typed arrays by their buffers, objects by their fields. */
export function estimateBytes(value: unknown, depth = 0): number {
  if (value === null || value === undefined) return 8;
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (typeof value === 'string') return 2 * value.length;
  if (typeof value !== 'object') return 8;
  if (depth > 6) return 64;
  let total = 16;
  if (Array.isArray(value)) {
    // Sample long arrays instead of walking every element.
    const n = value.length;
    const step = n > 256 ? Math.floor(n / 64) : 1;
    let sampled = 0; let count = 0;
    for (let i = 0; i < n; i += step) { sampled += estimateBytes(value[i], depth + 1); count++; }
    return total + (count ? (sampled / count) * n : 0);
  }
  for (const k of Object.keys(value)) total += 2 * k.length + estimateBytes((value as Record<string, unknown>)[k], depth + 1);
  return total;
}

const def = (id: string, title: string, color: string, validate: (v: unknown) => string | null): PortTypeDef =>
  ({ id, title, color, validate, sizeOf: (v) => estimateBytes(v) });

/** The built-in port types of DESIGN.md's table. */
export const builtinPortTypes: PortTypeDef[] = [
  def('notes', 'Notes', '#4f9dff', validateNotes),
  def('audio', 'Audio', '#ff6b6b', validateAudio),
  def('number', 'Number', '#c9c9c9', (v) => (finite(v) ? null : 'expected a finite number')),
  def('boolean', 'Boolean', '#8d8d8d', (v) => (typeof v === 'boolean' ? null : 'expected true or false')),
  def('text', 'Text', '#e8e2a0', (v) => (typeof v === 'string' ? null : 'expected a string')),
  def('features', 'Features', '#ffb347', validateFeatures),
  def('ddsp-controls', 'Synth controls', '#ff8a65', validateSynthControls),
  def('latent', 'Latent', '#c77dff', validateLatent),
  def('tokens', 'Tokens', '#7bd389', validateTokens),
  def('grid', 'Grid', '#4dd0e1', validateGrid),
  def('scale', 'Scale', '#f48fb1', validateScale),
  def('chords', 'Chords', '#f06292', validateChords),
  def('events', 'Events', '#aed581', () => null),
  def('signal', 'Signal', '#e57373', () => null),
  def('any', 'Any', '#ffffff', () => null),
];

/** Model port types share one validator: an object with a `kind` matching the port's kind. */
export function modelPortType(kind: string): PortTypeDef {
  return def(`model:${kind}`, `Model (${kind})`, '#ffd54f', (v) =>
    isObj(v) && v.kind === kind ? null : `expected a ${kind} model value`);
}

/** Port types and conversions known to one editor or CLI session. */
export class PortTypeRegistry {
  private types = new Map<string, PortTypeDef>();
  private conversions: Conversion[] = [];

  constructor(types: PortTypeDef[] = builtinPortTypes, conversions: Conversion[] = builtinConversions) {
    for (const t of types) this.types.set(t.id, t);
    this.conversions = [...conversions];
  }

  /** The definition of a type id; `model:<kind>` ids are created on first use. */
  get(id: string): PortTypeDef | undefined {
    let t = this.types.get(id);
    if (!t && id.startsWith('model:')) {
      t = modelPortType(id.slice(6));
      this.types.set(id, t);
    }
    return t;
  }

  /** All registered type ids (for the editor's legend). */
  list(): PortTypeDef[] {
    return [...this.types.values()];
  }

  /** The conversion from `from` to `to`, if one is declared. */
  conversion(from: string, to: string): Conversion | undefined {
    return this.conversions.find((c) => c.from === from && c.to === to);
  }

  /** Why an edge from type `from` into type `to` is illegal, or null when it is legal. */
  checkConnection(from: string, to: string): string | null {
    if (from === to || to === 'any' || from === 'any') return null;
    if (this.conversion(from, to)) return null;
    return `type mismatch: ${from} output cannot feed a ${to} input`;
  }
}

/** Conversions declared by the engine: numbers ↔ booleans, and anything to text. */
export const builtinConversions: Conversion[] = [
  { from: 'number', to: 'boolean', convert: (v) => (v as number) !== 0 },
  { from: 'boolean', to: 'number', convert: (v) => ((v as boolean) ? 1 : 0) },
  { from: 'number', to: 'text', convert: (v) => String(v) },
];
