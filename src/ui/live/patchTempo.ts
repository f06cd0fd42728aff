/** The tempo live mode starts at: that of the notes nearest upstream of the audio output, so rendered clips loop in time. */
import type { Patch } from '../../engine/patch/types';
import { isNoteSequence } from '../../audio/live/clipLoops';
import { MASTER_NODE_TYPE } from '../../audio/live/livePlan';

/**
 * The BPM of the first notes found walking upstream from the output node (breadth first), else of any
 * node's notes, else null.
 * @example
 * patchTempo(patch, (id) => runtime.results.get(id)?.outputs); // 96
 */
export function patchTempo(patch: Patch, outputsOf: (id: string) => Record<string, unknown> | undefined): number | null {
  const tempoOf = (id: string): number | null => {
    for (const v of Object.values(outputsOf(id) ?? {})) if (isNoteSequence(v)) return v.tempo;
    return null;
  };
  const seen = new Set<string>();
  let frontier = patch.nodes.filter((n) => n.type === MASTER_NODE_TYPE).map((n) => n.id);
  while (frontier.length) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const e of patch.edges) {
        if (e.to.node !== id || seen.has(e.from.node)) continue;
        seen.add(e.from.node);
        const tempo = tempoOf(e.from.node);
        if (tempo !== null) return tempo;
        next.push(e.from.node);
      }
    }
    frontier = next;
  }
  for (const n of patch.nodes) {
    const tempo = tempoOf(n.id);
    if (tempo !== null) return tempo;
  }
  return null;
}
