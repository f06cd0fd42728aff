/**
 * Trims the silence before a sample's attack. MP3 decoding adds the encoder's delay (about 25 ms
 * of near-silence) in front of each Salamander note, which would make every piano note late.
 */

/** Fraction of the sample's peak (−30 dB) above which it counts as sounding: the hammer's attack, not its pre-noise. */
const ONSET_FRACTION = 0.03;
/** Seconds kept before the first sounding sample, so the attack is not cut. */
const PRE_ROLL = 0.002;

/** Index of the first frame where any channel exceeds `fraction` of the peak (0 for silence). */
export function firstSoundingFrame(channels: readonly Float32Array[], fraction = ONSET_FRACTION): number {
  const length = channels[0]?.length ?? 0;
  let peak = 0;
  for (const ch of channels) for (let i = 0; i < length; i++) peak = Math.max(peak, Math.abs(ch[i]));
  if (peak === 0) return 0;
  const level = peak * fraction;
  for (let i = 0; i < length; i++) {
    for (const ch of channels) if (Math.abs(ch[i]) > level) return i;
  }
  return 0;
}

/**
 * A copy of `buffer` starting 2 ms before its attack (first frame above −30 dB of its peak), made by `context`.
 * @example
 * const trimmed = trimLeadingSilence(decoded, decoderContext);
 */
export function trimLeadingSilence(buffer: AudioBuffer, context: BaseAudioContext): AudioBuffer {
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) => {
    const data = new Float32Array(buffer.length);
    buffer.copyFromChannel(data, c);
    return data;
  });
  const start = Math.max(0, firstSoundingFrame(channels) - Math.round(PRE_ROLL * buffer.sampleRate));
  const trimmed = context.createBuffer(buffer.numberOfChannels, Math.max(1, buffer.length - start), buffer.sampleRate);
  channels.forEach((data, c) => trimmed.copyToChannel(data.subarray(start), c));
  return trimmed;
}
