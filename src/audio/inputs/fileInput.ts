/** An audio file as a live signal source: decoded once, played looped (or once) through a gain node that stays connected across restarts. */

/** Options of `openAudioFile`. */
export interface AudioFileOptions {
  /** Name used in error messages. */
  name?: string;
  /** Loop (default true). */
  loop?: boolean;
  /** Loop region in seconds (default the whole file). */
  loopStart?: number;
  loopEnd?: number;
}

/** A decoded file ready to play. */
export interface AudioFileInput {
  /** The output: connect it where the signal should go. */
  readonly output: GainNode;
  readonly buffer: AudioBuffer;
  /** Starts (or restarts) playback at context time `when` (default now) from `offset` seconds. */
  start(when?: number, offset?: number): void;
  /** Stops playback; the output stays connected. */
  stop(): void;
  /** Changes the loop region (seconds) of this and later playbacks. */
  setLoop(start: number, end: number): void;
  /** Whether it is playing. */
  readonly playing: boolean;
}

/**
 * Decodes `data` (WAV, MP3, … — whatever the browser decodes) or takes a decoded buffer.
 * @example
 * const loop = await openAudioFile(ctx, await file.arrayBuffer(), { name: file.name });
 * loop.output.connect(ctx.destination); loop.start();
 */
export async function openAudioFile(ctx: BaseAudioContext, data: ArrayBuffer | AudioBuffer, options: AudioFileOptions = {}): Promise<AudioFileInput> {
  const name = options.name ?? 'audio file';
  let buffer: AudioBuffer;
  if (data instanceof ArrayBuffer) {
    try {
      buffer = await ctx.decodeAudioData(data.slice(0));
    } catch (err) {
      throw new Error(`audio file "${name}" could not be decoded: ${(err as Error)?.message ?? err}`);
    }
  } else buffer = data;
  if (buffer.length === 0) throw new Error(`audio file "${name}" holds no audio`);
  const output = ctx.createGain();
  const loop = options.loop ?? true;
  let loopStart = options.loopStart ?? 0;
  let loopEnd = options.loopEnd ?? buffer.duration;
  let source: AudioBufferSourceNode | null = null;

  const checkRegion = (start: number, end: number): void => {
    if (!(start >= 0 && end > start && end <= buffer.duration + 1e-9)) {
      throw new Error(`audio file "${name}": loop region ${start}–${end} s is outside its ${buffer.duration.toFixed(3)} s`);
    }
  };
  checkRegion(loopStart, loopEnd);
  const stop = (): void => {
    if (!source) return;
    const s = source;
    source = null;
    s.onended = null;
    s.stop();
    s.disconnect();
  };

  return {
    output,
    buffer,
    start(when = ctx.currentTime, offset = loop ? loopStart : 0) {
      stop();
      const s = ctx.createBufferSource();
      s.buffer = buffer;
      s.loop = loop;
      s.loopStart = loopStart;
      s.loopEnd = loopEnd;
      s.connect(output);
      s.onended = () => { if (source === s) source = null; };
      s.start(when, offset);
      source = s;
    },
    stop,
    setLoop(start, end) {
      checkRegion(start, end);
      loopStart = start;
      loopEnd = end;
      if (source) {
        source.loopStart = start;
        source.loopEnd = end;
      }
    },
    get playing() {
      return source !== null;
    },
  };
}
