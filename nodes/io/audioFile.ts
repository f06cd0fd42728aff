/** The `audio.file` node: a WAV file embedded in the patch, read into audio with trim, gain and resampling. */
import { defineNode } from '../../src/engine/node';
import type { AudioClip } from '../../src/engine/values';
import { readWav } from '../../src/dsp/wav';
import { resample } from '../../src/dsp/resample';
import { applyGainDb, clipLength } from '../audio/clipOps';
import { waveformPreview } from '../audio/instrumentRender';

/** The file extensions an audio asset may have. */
export const AUDIO_FILE_EXTENSIONS = ['.wav'] as const;

/**
 * The frames of `clip` between `start` and `end` seconds (end 0 = to the end of the clip; an end
 * past the clip is clamped to it); throws naming `fileName` when the range holds no audio.
 * @example
 * trimClip(clip, 0.5, 1.5, 'loop.wav'); // one second starting half a second in
 */
export function trimClip(clip: AudioClip, start: number, end: number, fileName: string): AudioClip {
  const frames = clipLength(clip);
  const seconds = frames / clip.sampleRate;
  const from = Math.round(start * clip.sampleRate);
  const to = end > 0 ? Math.min(frames, Math.round(end * clip.sampleRate)) : frames;
  if (from >= frames) throw new Error(`audio.file: start ${start} s is past the end of ${fileName} (${seconds.toFixed(3)} s)`);
  if (to <= from) throw new Error(`audio.file: end ${end} s is not after start ${start} s in ${fileName}`);
  if (from === 0 && to === frames) return clip;
  return { sampleRate: clip.sampleRate, channels: clip.channels.map((ch) => ch.slice(from, to)) };
}

/** Reads an embedded WAV file as audio. */
export const audioFileNode = defineNode({
  type: 'audio.file',
  title: 'Audio file',
  category: 'io',
  doc: 'Reads a WAV file that travels inside the patch (drop a .wav on the canvas or pick one here) and '
    + 'outputs its audio: a field recording, a drum loop, a sung phrase or a rendered stem to mix with '
    + 'generated parts, or the audio a codec or DDSP model should analyse. WAV (RIFF/WAVE, Microsoft and '
    + 'IBM, 1991) stores plain PCM samples, so nothing is lost on the way in; 8- to 32-bit integer and '
    + '32/64-bit float files of any channel count are read. Trim it to a stretch between start and end, '
    + 'set its level in decibels, and optionally convert it to another sample rate with a band-limited '
    + 'windowed-sinc resampler (Smith\'s bandlimited interpolation) so it mixes with audio rendered at that rate.',
  outputs: { audio: { type: 'audio', doc: 'The file\'s audio, trimmed, scaled and resampled.' } },
  params: {
    file: { kind: 'asset', accept: AUDIO_FILE_EXTENSIONS, default: null, doc: 'The embedded WAV file.' },
    gain: { kind: 'float', default: 0, min: -60, max: 24, step: 0.5, unit: 'dB', doc: 'Gain in decibels (0 = as recorded).' },
    start: { kind: 'float', default: 0, min: 0, max: 3600, step: 0.01, unit: 's', doc: 'Where the audio starts in the file, in seconds.' },
    end: { kind: 'float', default: 0, min: 0, max: 3600, step: 0.01, unit: 's', doc: 'Where it ends, in seconds (0 = the end of the file).' },
    sampleRate: { kind: 'int', default: 0, min: 0, max: 192000, step: 100, unit: 'Hz', doc: 'Resample to this rate (0 = keep the file\'s rate).' },
  },
  run: (_inputs, { file, gain, start, end, sampleRate }, ctx) => {
    if (!file) throw new Error('audio.file: no file chosen (drop a .wav file on the canvas or pick one in its file param)');
    const asset = ctx.asset(file);
    let clip: AudioClip;
    try {
      clip = readWav(asset.bytes, asset.name);
    } catch (e) {
      throw new Error(`audio.file: ${(e as Error).message}`);
    }
    if (clipLength(clip) === 0) throw new Error(`audio.file: ${asset.name} holds no samples`);
    const fileRate = clip.sampleRate;
    clip = trimClip(clip, start, end, asset.name);
    if (sampleRate > 0 && sampleRate !== clip.sampleRate) clip = resample(clip, sampleRate);
    if (gain !== 0) clip = applyGainDb(clip, gain);
    const seconds = clipLength(clip) / clip.sampleRate;
    const rate = clip.sampleRate === fileRate ? `${fileRate} Hz` : `${clip.sampleRate} Hz (resampled from ${fileRate} Hz)`;
    return {
      outputs: { audio: clip },
      previews: [
        waveformPreview(),
        { kind: 'text', title: asset.name, text: `${seconds.toFixed(3)} s, ${clip.channels.length} channel(s) at ${rate}.` },
      ],
    };
  },
});
