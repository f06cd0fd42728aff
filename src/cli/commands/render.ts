/** `genpatch render PATCH --out FILE.wav [--midi FILE.mid] [--exports DIR] [--seed N]`: headless render in Node. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectExports } from '../../../nodes/io/exportRequests';
import { serializePatch, type Patch } from '../../engine/patch';
import type { NodeRegistry } from '../../engine/registry';
import { Scheduler } from '../../engine/scheduler';
import type { Evaluation } from '../../engine/scheduler-types';
import type { AudioClip, NoteSequence } from '../../engine/values';
import { createNodeOfflineRenderer } from '../../audio/nodeOfflineRenderer';
import { createNodeModelService } from '../../ml/nodeModels';
import { modelServices } from '../../ml/service';
import { peakDbfs } from '../../dsp/measure';
import { writeWav } from '../../dsp/wav';
import { writeMidi } from '../../music/midi';
import { mergeSequences } from '../../music/noteSequence';
import { UserError } from '../errors';
import { problemLines, readPatchFile } from '../patchFile';
import { ProgressBar } from '../progressBar';

/** Options of a render. */
export interface RenderOptions {
  out?: string;
  midi?: string;
  exports?: string;
  seed?: number;
}

/** Renders the patch at `path` and writes the requested files; returns the exit code. */
export async function renderCommand(path: string, options: RenderOptions, registry: NodeRegistry, log: (line: string) => void): Promise<number> {
  if (!options.out && !options.midi && !options.exports) {
    throw new UserError('nothing to write: give --out FILE.wav, --midi FILE.mid or --exports DIR');
  }
  const file = readPatchFile(path, registry);
  for (const line of problemLines(file.warnings, file.fileName)) log(`warning: ${line}`);
  if (file.errors.length || !file.patch) {
    for (const line of problemLines(file.errors, file.fileName)) log(line);
    throw new UserError(`${path}: invalid patch (${file.errors.length} errors); nothing rendered`);
  }
  const patch = file.patch;
  const models = createNodeModelService();
  const scheduler = new Scheduler(registry, { services: { renderer: createNodeOfflineRenderer(), ...modelServices(models) } });
  const bar = new ProgressBar();
  scheduler.onEvent((e) => bar.update(e));
  const evaluation = await scheduler.evaluate(patch, { globalSeed: options.seed ?? 0 }).finally(() => models.dispose());
  bar.done();
  const failed = [...evaluation.nodes].filter(([, o]) => o.status === 'failed');
  for (const [id, o] of failed) log(`node ${id} (${patch.nodes.find((n) => n.id === id)?.type}) failed: ${o.error}`);

  const patchJson = serializePatch(patch);
  if (options.out) {
    const audio = findAudio(patch, evaluation);
    if (!audio) throw new UserError(`${path}: the patch produced no audio (add an audio.output node${failed.length ? ', and fix the failed nodes above' : ''})`);
    writeFileSync(options.out, writeWav(audio, { bitDepth: 16, patchJson }));
    const seconds = audio.channels[0].length / audio.sampleRate;
    log(`wrote ${options.out} (${seconds.toFixed(2)} s, ${audio.sampleRate} Hz, ${audio.channels.length} ch, peak ${peakDbfs(audio).toFixed(1)} dBFS)`);
  }
  if (options.midi) {
    const notes = findNotes(patch, evaluation, registry);
    if (!notes) throw new UserError(`${path}: the patch produced no notes to write as MIDI`);
    writeFileSync(options.midi, writeMidi(notes, { patchJson }));
    log(`wrote ${options.midi} (${notes.notes.length} notes, ${notes.length} beats at ${notes.tempo} BPM)`);
  }
  if (options.exports) {
    mkdirSync(options.exports, { recursive: true });
    for (const req of collectExports(patch, evaluation, registry)) {
      const target = join(options.exports, req.fileName);
      const bytes = req.kind === 'midi'
        ? writeMidi(req.notes, { patchJson })
        : writeWav(req.audio, { bitDepth: req.bitDepth, float: req.float, patchJson });
      writeFileSync(target, bytes);
      log(`wrote ${target}`);
    }
  }
  return failed.length ? 1 : 0;
}

/** The audio of the first audio.output node, else of the first export.wav node. */
function findAudio(patch: Patch, evaluation: Evaluation): AudioClip | undefined {
  for (const type of ['audio.output', 'export.wav']) {
    for (const node of patch.nodes.filter((n) => n.type === type)) {
      const audio = evaluation.nodes.get(node.id)?.outputs?.audio as AudioClip | undefined;
      if (audio) return audio;
    }
  }
  return undefined;
}

/** The notes of the first export.midi node, else every notes value that feeds an instrument, as voices. */
function findNotes(patch: Patch, evaluation: Evaluation, registry: NodeRegistry): NoteSequence | undefined {
  for (const node of patch.nodes.filter((n) => n.type === 'export.midi')) {
    const notes = evaluation.nodes.get(node.id)?.outputs?.notes as NoteSequence | undefined;
    if (notes) return notes;
  }
  const played: NoteSequence[] = [];
  for (const edge of patch.edges) {
    const target = patch.nodes.find((n) => n.id === edge.to.node);
    const def = target && registry.get(target.type);
    if (!def || def.inputs[edge.to.port]?.type !== 'notes') continue;
    if (!Object.values(def.outputs).some((o) => o.type === 'audio')) continue;
    const notes = evaluation.nodes.get(edge.from.node)?.outputs?.[edge.from.port] as NoteSequence | undefined;
    if (notes) played.push(notes);
  }
  if (!played.length) return undefined;
  return mergeSequences(played.map((s, i) => ({ ...s, notes: s.notes.map((n) => ({ ...n, voice: (n.voice ?? 0) + i * 16 })) })));
}
