/**
 * The audio device's own underruns, where the browser counts them (Chromium's
 * `AudioContext.playbackStats.underrunEvents`): every glitch the speakers played, whatever caused
 * it — a stream that fell behind, an instrument computed on the audio thread that took too long,
 * or a machine that stalled the audio thread. Elsewhere there is nothing to read and nothing is counted.
 */

/** How often the count is read. */
const EVERY_MS = 1000;

/** The device's underrun events so far, or null where the browser does not say. */
export function deviceUnderrunEvents(ctx: BaseAudioContext): number | null {
  const stats = (ctx as BaseAudioContext & { playbackStats?: { underrunEvents?: number } }).playbackStats;
  return typeof stats?.underrunEvents === 'number' ? stats.underrunEvents : null;
}

/**
 * Calls `onNew(count)` with the device underruns counted since the last read, once a second;
 * returns the stop function.
 * @example
 * const stop = watchDeviceUnderruns(ctx, (n) => monitor.count('underruns', n));
 */
export function watchDeviceUnderruns(ctx: BaseAudioContext, onNew: (count: number) => void): () => void {
  const before = deviceUnderrunEvents(ctx);
  if (before === null) return () => undefined;
  let counted = before;
  const id = setInterval(() => {
    const now = deviceUnderrunEvents(ctx) ?? 0;
    if (now > counted) onNew(now - counted);
    counted = Math.max(counted, now);
  }, EVERY_MS);
  return () => clearInterval(id);
}
