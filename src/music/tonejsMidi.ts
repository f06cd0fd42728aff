/**
 * The one place that imports @tonejs/midi. The package ships CommonJS only, so Node's ESM loader
 * (tsx, vitest) exposes it as a default export, and Vite's pre-bundler does the same; named imports
 * (`import { Midi }`) work in Vite but fail in Node, while this default import works in both.
 */
import tonejsMidi from '@tonejs/midi';

/** The @tonejs/midi `Midi` class (parser, in-memory model and encoder of Standard MIDI Files). */
export const Midi = tonejsMidi.Midi;

/** An instance of the @tonejs/midi `Midi` class. */
export type Midi = InstanceType<typeof tonejsMidi.Midi>;
