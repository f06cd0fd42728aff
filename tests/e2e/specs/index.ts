/** Every browser test, in the order run.ts runs them. */
import { audioFileSpecs } from './audioFile';
import { buildSpecs } from './build';
import { comfortSpecs } from './comfort';
import { ddspSpecs } from './ddsp';
import { fileSpecs } from './files';
import { gaRatingSpecs } from './gaRating';
import { gallerySpecs } from './gallery';
import { layoutSpecs } from './layout';
import { liveSpecs } from './live';
import { liveIoSpecs } from './liveio';
import { liveIoWidgetSpecs } from './liveioWidgets';
import { livePerformSpecs } from './livePerform';
import { markovSpecs } from './markov';
import { mlSpecs } from './ml';
import { neuralModelSpecs } from './neuralModels';
import { paramSpecs } from './params';
import { pianoSpecs } from './piano';
import type { Spec } from './spec';

/** All specs. */
export const specs: Spec[] = [...layoutSpecs, ...buildSpecs, ...paramSpecs, ...comfortSpecs, ...markovSpecs, ...fileSpecs,
  ...gaRatingSpecs,
  ...audioFileSpecs, ...pianoSpecs, ...gallerySpecs, ...mlSpecs, ...ddspSpecs, ...neuralModelSpecs,
  ...liveIoSpecs, ...liveIoWidgetSpecs, ...liveSpecs, ...livePerformSpecs];
