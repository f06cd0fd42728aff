/** Finds the audio that reaches the patch's output sink ('audio.output') in the latest results. */
import type { Patch } from '../../engine/patch/types';
import type { AudioClip } from '../../engine/values';
import type { KeyedStore } from '../state/keyedStore';
import type { NodeResultView } from './runtime';

/** The node type whose incoming audio the transport plays. */
export const OUTPUT_NODE_TYPE = 'audio.output';

/** True when `v` looks like an AudioClip. */
export function isAudioClip(v: unknown): v is AudioClip {
  return typeof v === 'object' && v !== null && Array.isArray((v as AudioClip).channels)
    && (v as AudioClip).channels[0] instanceof Float32Array && typeof (v as AudioClip).sampleRate === 'number';
}

/** The audio of the first output node (its audio output, else the audio flowing into it), or null. */
export function findOutputAudio(patch: Patch, results: KeyedStore<NodeResultView>): AudioClip | null {
  for (const node of patch.nodes) {
    if (node.type !== OUTPUT_NODE_TYPE) continue;
    const view = results.get(node.id);
    if (!view) continue;
    for (const v of [...Object.values(view.outputs), ...Object.values(view.inputs)]) if (isAudioClip(v)) return v;
  }
  return null;
}

/** The largest absolute sample of a clip (0 for silence). */
export function clipPeak(clip: AudioClip): number {
  let peak = 0;
  for (const ch of clip.channels) for (let i = 0; i < ch.length; i++) peak = Math.max(peak, Math.abs(ch[i]));
  return peak;
}
