/** Audio-rate streaming from a Worker into an AudioWorklet (see docs/live-io.md). Page-side API; Worker entries import workerHost. */
export { controlLatency, createAudioStream, type AudioStream, type AudioStreamOptions, type ControlLatency, type StreamStats } from './audioStream';
export type { BlockGenerator, BlockGeneratorFactory, ControlMessage, ControlValue, GeneratorSetup } from './blockGenerator';
export type { StreamTransport } from './protocol';
export { pickTransport } from './transport';
