/** Pure control-signal math for live mode: LFOs, envelope followers, sample-and-hold, smoothing. */
export { onePoleCoefficient } from './onePole';
export { Lfo, lfoFrequency, periodicShape, type LfoOptions, type LfoRate, type LfoShape } from './lfo';
export { EnvelopeFollower, type EnvelopeFollowerOptions, type FollowerMode } from './envelopeFollower';
export { SampleHold } from './sampleHold';
export { Smoother } from './smoother';
