/**
 * How long a rendered clip's loop is in music: the length of the nearest notes upstream of the node
 * that rendered it (an instrument's input clip, say), in seconds at that sequence's tempo. Rendered
 * audio carries a tail for releases, so its own duration is longer than the music.
 */
import type { GraphSpec } from '../../engine/scheduler-types';
import type { AudioClip, NoteSequence } from '../../engine/values';
import { beatsToSeconds } from '../../music/noteSequence';

/** True when `v` looks like a NoteSequence. */
export function isNoteSequence(v: unknown): v is NoteSequence {
  return typeof v === 'object' && v !== null && Array.isArray((v as NoteSequence).notes)
    && typeof (v as NoteSequence).tempo === 'number' && typeof (v as NoteSequence).length === 'number';
}

/** True when `v` looks like an AudioClip. */
export function isClip(v: unknown): v is AudioClip {
  return typeof v === 'object' && v !== null && Array.isArray((v as AudioClip).channels)
    && (v as AudioClip).channels[0] instanceof Float32Array && typeof (v as AudioClip).sampleRate === 'number';
}

/**
 * The musical length in seconds of the audio rendered by `nodeId`: the first notes found walking
 * upstream (breadth first), or null when none is found.
 * @example
 * loopSecondsOf(patch, 'synth', (id) => results.get(id)?.outputs); // 8 for two 4/4 bars at 120 BPM
 */
export function loopSecondsOf(graph: GraphSpec, nodeId: string, outputsOf: (id: string) => Record<string, unknown> | undefined): number | null {
  const seen = new Set([nodeId]);
  let frontier = [nodeId];
  while (frontier.length) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const e of graph.edges) {
        if (e.to.node !== id || seen.has(e.from.node)) continue;
        const value = outputsOf(e.from.node)?.[e.from.port];
        if (isNoteSequence(value) && value.length > 0) return beatsToSeconds(value, value.length);
        seen.add(e.from.node);
        next.push(e.from.node);
      }
    }
    frontier = next;
  }
  return null;
}
