/** WAV file I/O in one import: read, write, and the patch embedded in a rendered file. */
export { readWav, readWavFormat, extractPatchFromWav, PATCH_CHUNK_ID } from './wavRead';
export type { WavFormat } from './wavRead';
export { writeWav } from './wavWrite';
export type { WriteWavOptions } from './wavWrite';
