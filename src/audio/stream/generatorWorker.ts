/** Worker entry with the built-in generators ('sine', 'additive'); the default worker of `createAudioStream`. */
import { createAdditiveGenerator } from './generators/additiveGenerator';
import { createSineGenerator } from './generators/sineGenerator';
import { hostBlockGenerators } from './workerHost';

hostBlockGenerators({ sine: createSineGenerator, additive: createAdditiveGenerator });
