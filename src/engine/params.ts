/**
 * Parameter specs of node definitions, their TS value types, defaults and validation.
 * Every param can also be exposed as an input port of the matching port type.
 */

/** An integer param with optional range. */
export interface IntParam { kind: 'int'; default: number; min?: number; max?: number; step?: number; doc?: string; unit?: string }
/** A float param with optional range and unit. */
export interface FloatParam { kind: 'float'; default: number; min?: number; max?: number; step?: number; doc?: string; unit?: string }
/** One of a fixed set of string options. */
export interface EnumParam { kind: 'enum'; options: readonly string[]; default: string; doc?: string }
/** A toggle. */
export interface BoolParam { kind: 'bool'; default: boolean; doc?: string }
/** Free text (a rule string, a chord list, a melody in note names…). */
export interface TextParam { kind: 'text'; default: string; multiline?: boolean; doc?: string }
/** The random seed: the only source of randomness of a node. */
export interface SeedParam { kind: 'seed'; default: number; doc?: string }
/** A reference to embedded patch assets (ids), filtered by accepted extensions. */
export interface AssetParam { kind: 'asset'; accept: readonly string[]; multiple?: boolean; default: string | string[] | null; doc?: string }

/** Any param spec. */
export type ParamSpec = IntParam | FloatParam | EnumParam | BoolParam | TextParam | SeedParam | AssetParam;

/** The TS value type of a param spec. */
export type ParamValue<S extends ParamSpec> =
  S extends IntParam | FloatParam | SeedParam ? number
  : S extends EnumParam ? S['options'][number]
  : S extends BoolParam ? boolean
  : S extends TextParam ? string
  : S extends AssetParam ? (S['multiple'] extends true ? string[] : string | null)
  : never;

/** The port type a param becomes when it is exposed as an input. */
export function paramPortType(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'int': case 'float': case 'seed': return 'number';
    case 'bool': return 'boolean';
    case 'enum': case 'text': return 'text';
    case 'asset': return 'text';
  }
}

/** Why `value` is not acceptable for `spec`, or null when it is. */
export function checkParam(spec: ParamSpec, value: unknown): string | null {
  switch (spec.kind) {
    case 'int': case 'float': case 'seed': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'expected a number';
      if (spec.kind !== 'float' && !Number.isInteger(value)) return 'expected an integer';
      if (spec.kind !== 'seed') {
        if (spec.min !== undefined && value < spec.min) return `${value} is below the minimum ${spec.min}`;
        if (spec.max !== undefined && value > spec.max) return `${value} is above the maximum ${spec.max}`;
      }
      return null;
    }
    case 'enum':
      return typeof value === 'string' && spec.options.includes(value) ? null : `expected one of ${spec.options.join(', ')}`;
    case 'bool':
      return typeof value === 'boolean' ? null : 'expected true or false';
    case 'text':
      return typeof value === 'string' ? null : 'expected a string';
    case 'asset':
      if (value === null) return null;
      if (spec.multiple) return Array.isArray(value) && value.every((v) => typeof v === 'string') ? null : 'expected a list of asset ids';
      return typeof value === 'string' ? null : 'expected an asset id';
  }
}

/** Coerces an exposed-input value (number, boolean, text) to the param's kind, clamped to range. */
export function coerceParam(spec: ParamSpec, value: unknown): unknown {
  switch (spec.kind) {
    case 'int': case 'float': case 'seed': {
      let n = typeof value === 'boolean' ? Number(value) : Number(value);
      if (!Number.isFinite(n)) return spec.default;
      if (spec.kind !== 'float') n = Math.round(n);
      if (spec.kind !== 'seed') {
        if (spec.min !== undefined) n = Math.max(spec.min, n);
        if (spec.max !== undefined) n = Math.min(spec.max, n);
      }
      return n;
    }
    case 'bool': return typeof value === 'string' ? value === 'true' : Boolean(value);
    case 'enum': return spec.options.includes(String(value)) ? String(value) : spec.default;
    default: return value;
  }
}
