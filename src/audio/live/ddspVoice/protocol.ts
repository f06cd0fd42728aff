/**
 * Messages between the page and the 'genpatch-ddsp' AudioWorklet processor, which runs the live
 * DDSP instrument (performer, GRU decoder and synth) on the audio thread itself.
 */
import type { DdspMessage, LiveDdspParams } from '../../../../nodes/ddsp/live/ddspGenerator';
import type { DecoderWeights } from '../../../../nodes/ddsp/live/decoderWeights';

/** Name of the processor. */
export const DDSP_PROCESSOR = 'genpatch-ddsp';

/** What the processor is created with: the stream's seed and params, and the weights of `params.instrument`. */
export interface DdspProcessorOptions {
  seed: number;
  params: LiveDdspParams;
  weights: DecoderWeights;
}

/** Page → processor. */
export type ToDdspProcessor =
  | { type: 'control'; seq: number; message: DdspMessage }
  | { type: 'weights'; instrument: string; weights: DecoderWeights }
  | { type: 'refused'; instrument: string; message: string }
  | { type: 'stats'; id: number }
  | { type: 'close' };

/**
 * How the processor has kept time since it warmed up (asked by the bench through the node's port):
 * render quanta, their total and worst compute time, and how many overran their duration.
 */
export interface DdspProcessorStats {
  quanta: number;
  busyMs: number;
  maxMs: number;
  late: number;
}

/** Processor → page. */
export type FromDdspProcessor =
  | { type: 'ready' }
  | { type: 'marker'; seq: number; emitFrame: number }
  | { type: 'need'; instrument: string }
  | { type: 'error'; message: string }
  | ({ type: 'stats'; id: number } & DdspProcessorStats);
