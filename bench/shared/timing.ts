/** Wall-time measurement shared by the benchmarks: median and best of repeated runs after warm-up. */

/** Median and fastest time in ms of `reps` runs of `fn` after `warmup` untimed runs. */
export async function timeRuns(fn: () => unknown | Promise<unknown>, reps: number, warmup = 1): Promise<{ median: number; best: number }> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(reps / 2)], best: times[0] };
}
