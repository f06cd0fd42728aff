/** The numbers of docs/ddsp.md, shared by the DDSP features, synthesizer and nodes. */

/** Model sample rate in Hz: features are computed at this rate. */
export const DDSP_SAMPLE_RATE = 16000;
/** Control frames per second. */
export const DDSP_FRAME_RATE = 250;
/** Samples between frame centres at the model rate (16 000 / 250). */
export const DDSP_HOP = DDSP_SAMPLE_RATE / DDSP_FRAME_RATE;
/** Analysis window of YIN and loudness, in samples at the model rate. */
export const DDSP_FRAME_SIZE = 1024;
/** Harmonics in the decoder's harmonic distribution. */
export const DDSP_HARMONICS = 60;
/** Linearly spaced noise bands from 0 Hz to `DDSP_NYQUIST`. */
export const DDSP_NOISE_BANDS = 65;
/** The model's Nyquist frequency: nothing is synthesized at or above it, whatever the output rate. */
export const DDSP_NYQUIST = DDSP_SAMPLE_RATE / 2;
