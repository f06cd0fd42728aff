/** Test worker: serves the built-in generators on worker_threads' parentPort, as generatorWorker.ts does in a browser Worker. */
import { parentPort } from 'node:worker_threads';
import { createAdditiveGenerator } from '../../../src/audio/stream/generators/additiveGenerator';
import { createSineGenerator } from '../../../src/audio/stream/generators/sineGenerator';
import type { PortLike } from '../../../src/audio/stream/messagePort';
import { hostBlockGenerators } from '../../../src/audio/stream/workerHost';

hostBlockGenerators({ sine: createSineGenerator, additive: createAdditiveGenerator }, parentPort as unknown as PortLike);
