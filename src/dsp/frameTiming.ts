/**
 * Where control frames fall in an audio stream: frame m is centred on sample m·R / frameRate, and
 * the samples from ⌈m·R / frameRate⌉ up to the next frame's first sample form block m. Integer
 * arithmetic keeps block edges exact when R / frameRate is not a whole number (44 100 / 250).
 */

/** Checks that a sample rate and frame rate are positive integers; `where` names the caller. */
export function checkRates(sampleRate: number, frameRate: number, where: string): void {
  if (!(Number.isInteger(sampleRate) && sampleRate > 0)) throw new Error(`${where}: sample rate must be a positive integer, got ${sampleRate}`);
  if (!(Number.isInteger(frameRate) && frameRate > 0)) throw new Error(`${where}: frame rate must be a positive integer, got ${frameRate}`);
}

/**
 * The first sample of block m: ⌈m·sampleRate / frameRate⌉.
 * @example
 * blockStart(3, 44100, 250); // 530 (frame 3 is centred on sample 529.2)
 */
export function blockStart(m: number, sampleRate: number, frameRate: number): number {
  return Math.floor((m * sampleRate + frameRate - 1) / frameRate);
}

/**
 * Samples synthesized for `frames` control frames by default: frames · sampleRate / frameRate, rounded.
 * @example
 * audioLength(250, 16000, 250); // 16000
 */
export function audioLength(frames: number, sampleRate: number, frameRate: number): number {
  return Math.round((frames * sampleRate) / frameRate);
}
