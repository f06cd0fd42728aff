/** Type-only names for the Tone.js module and its offline context, shared by the renderer files. */
import type * as Tone from 'tone';

/** The Tone.js module, loaded by whichever backend (Node or page) hosts the renderer. */
export type ToneModule = typeof Tone;
/** A Tone.js offline context wrapping one native OfflineAudioContext. */
export type ToneOfflineContext = Tone.OfflineContext;
/** Any Tone.js node that can be connected to. */
export type ToneInput = Tone.InputNode;
