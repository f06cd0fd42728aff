/**
 * What hosts write after a render: every export node that finished, with its file name, format
 * and the value on its input. The CLI and the page call `collectExports` and then encode each
 * request (writeMidi / writeWav with the patch embedded) — nodes themselves never touch files.
 */
import type { NodeRegistry } from '../../src/engine/registry';
import type { Evaluation, GraphSpec } from '../../src/engine/scheduler-types';
import type { AudioClip, NoteSequence } from '../../src/engine/values';
import { exportFileName } from './exportFileName';
import { MIDI_EXPORT_EXTENSIONS } from './exportMidi';
import { wavSampleFormat } from './exportWav';

/** One file a host should write. */
export type ExportRequest =
  | { nodeId: string; kind: 'midi'; fileName: string; notes: NoteSequence }
  | { nodeId: string; kind: 'wav'; fileName: string; audio: AudioClip; bitDepth: 16 | 24 | 32; float: boolean };

/**
 * The export requests of an evaluated graph, in node order; export nodes that failed or did not
 * run are skipped. File names and formats come from the nodes' params (defaults filled in).
 * @example
 * for (const r of collectExports(patch, await scheduler.evaluate(patch), registry)) save(r);
 */
export function collectExports(graph: GraphSpec, evaluation: Evaluation, registry: NodeRegistry): ExportRequest[] {
  const requests: ExportRequest[] = [];
  for (const node of graph.nodes) {
    if (node.type !== 'export.midi' && node.type !== 'export.wav') continue;
    const outcome = evaluation.nodes.get(node.id);
    if (!outcome?.outputs || (outcome.status !== 'done' && outcome.status !== 'cached')) continue;
    const param = (name: string): string => {
      const value = node.params[name] ?? registry.get(node.type)?.params[name]?.default;
      return typeof value === 'string' ? value : String(value);
    };
    if (node.type === 'export.midi') {
      const fileName = exportFileName(param('fileName'), MIDI_EXPORT_EXTENSIONS, node.type);
      requests.push({ nodeId: node.id, kind: 'midi', fileName, notes: outcome.outputs.notes as NoteSequence });
    } else {
      const fileName = exportFileName(param('fileName'), ['.wav'], node.type);
      requests.push({ nodeId: node.id, kind: 'wav', fileName, audio: outcome.outputs.audio as AudioClip, ...wavSampleFormat(param('bitDepth')) });
    }
  }
  return requests;
}
