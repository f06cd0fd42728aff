/** Test worker: writes a two-channel ramp of `total` frames into a shared ring in seeded chunk sizes, waiting when it is full. */
import { parentPort, workerData } from 'node:worker_threads';
import { AudioRingBuffer } from '../../../src/audio/stream/ringBuffer';
import { createRng } from '../../../src/engine/rng';

const { memory, total, seed } = workerData as { memory: SharedArrayBuffer; total: number; seed: number };
const ring = new AudioRingBuffer(memory);
const rng = createRng(seed);

async function produce(): Promise<void> {
  let written = 0;
  let waits = 0;
  while (written < total) {
    const n = Math.min(total - written, 1 + rng.int(700));
    const chunk = [
      Float32Array.from({ length: n }, (_, i) => written + i),
      Float32Array.from({ length: n }, (_, i) => -(written + i)),
    ];
    let done = 0;
    while (done < n) {
      const w = ring.write(chunk, n - done, done);
      done += w;
      written += w;
      if (done < n) {
        waits++;
        await ring.waitForRead(2);
      }
    }
  }
  parentPort!.postMessage({ waits });
}

void produce();
