/** Helpers of the gallery, piano and audio-file specs: a time limit on waits, and ink on a drawn canvas. */
import type { Locator } from 'playwright-core';

/**
 * Resolves as `promise` does, or rejects with `message` after `ms` (a run that never ends fails the spec instead of hanging the suite).
 * @example
 * await withTimeout(idle(page), 60_000, 'the run did not finish');
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** How many pixels of a canvas differ from its top-left pixel: 0 for a blank drawing. */
export async function canvasInk(canvas: Locator): Promise<number> {
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 4; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) ink++;
    }
    return ink;
  });
}
