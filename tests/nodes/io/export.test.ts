import { describe, expect, it } from 'vitest';
import { defineNode } from '../../../src/engine/node';
import { NodeRegistry } from '../../../src/engine/registry';
import { Scheduler } from '../../../src/engine/scheduler';
import type { GraphSpec } from '../../../src/engine/scheduler-types';
import type { AudioClip, NoteSequence } from '../../../src/engine/values';
import { extractPatchFromMidi, readMidi, writeMidi } from '../../../src/music/midi';
import { extractPatchFromWav, readWav, writeWav } from '../../../src/dsp/wav';
import { ioNodes } from '../../../nodes/io';
import { transformNodes } from '../../../nodes/transform';
import { exportMidiNode } from '../../../nodes/io/exportMidi';
import { exportWavNode, wavSampleFormat } from '../../../nodes/io/exportWav';
import { exportFileName } from '../../../nodes/io/exportFileName';
import { collectExports } from '../../../nodes/io/exportRequests';
import { runNode } from '../runNode';
import { JIG, tune } from './fixtures/irishTunes';

/** One second of a 440 Hz sine at 8 kHz, amplitude 0.5. */
const sineClip = (): AudioClip => ({
  sampleRate: 8000,
  channels: [Float32Array.from({ length: 8000 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / 8000))],
});

/** A test audio source node. */
const sine = defineNode({
  type: 'test.sine', title: 'Sine', category: 'test', doc: 'A sine tone.',
  outputs: { audio: { type: 'audio' } },
  run: () => ({ outputs: { audio: sineClip() } }),
});

const tone = (): AudioClip => ({ sampleRate: 8000, channels: [new Float32Array([0, 0.25, -0.5, 1])] });

describe('export.midi and export.wav', () => {
  it('pass their input through untouched and describe the file', async () => {
    const jig = tune(JIG);
    const midi = await runNode(exportMidiNode, { notes: jig }, { fileName: 'morrisons' });
    expect(midi.outputs.notes).toBe(jig);
    expect(midi.previews?.[1]).toMatchObject({ text: expect.stringContaining('Saves morrisons.mid: 159 notes in 1 track(s)') });
    const audio = tone();
    const wav = await runNode(exportWavNode, { audio }, { bitDepth: '32f' });
    expect(wav.outputs.audio).toBe(audio);
    expect(wav.previews?.[0]).toEqual({ kind: 'waveform', title: 'genpatch.wav', port: 'audio' });
    expect(wav.previews?.[1]).toMatchObject({ text: expect.stringContaining('32-bit float') });
    expect(exportMidiNode.sink && exportWavNode.sink).toBe(true);
  });

  it('check file names: a plain name, its extension added when missing', async () => {
    expect(exportFileName(' song ', ['.mid', '.midi'], 'export.midi')).toBe('song.mid');
    expect(exportFileName('Song.MIDI', ['.mid', '.midi'], 'export.midi')).toBe('Song.MIDI');
    expect(exportFileName('take 2', ['.wav'], 'export.wav')).toBe('take 2.wav');
    await expect(runNode(exportMidiNode, { notes: tune(JIG) }, { fileName: '../etc/passwd' }))
      .rejects.toThrow('export.midi: file name "../etc/passwd" must be a plain name');
    await expect(runNode(exportWavNode, { audio: tone() }, { fileName: '  ' })).rejects.toThrow('export.wav: the file name is empty');
    expect(wavSampleFormat('24')).toEqual({ bitDepth: 24, float: false });
  });

  it('are found after a render, and what the host writes reopens the patch', async () => {
    const registry = new NodeRegistry([...ioNodes, ...transformNodes, sine]);
    const graph: GraphSpec = {
      nodes: [
        { id: 'clip', type: 'notes.clip', params: { text: 'C4/8 E4 G4 [C4 E4 G4]/4.', tempo: 90 } },
        { id: 'up', type: 'notes.transpose', params: { semitones: 2 } },
        { id: 'mid', type: 'export.midi', params: { fileName: 'riff' } },
        { id: 'osc', type: 'test.sine', params: {} },
        { id: 'wav', type: 'export.wav', params: { bitDepth: '16' } },
      ],
      edges: [
        { from: { node: 'clip', port: 'notes' }, to: { node: 'up', port: 'notes' } },
        { from: { node: 'up', port: 'notes' }, to: { node: 'mid', port: 'notes' } },
        { from: { node: 'osc', port: 'audio' }, to: { node: 'wav', port: 'audio' } },
      ],
    };
    const evaluation = await new Scheduler(registry).evaluate(graph);
    const requests = collectExports(graph, evaluation, registry);
    expect(requests.map((r) => [r.nodeId, r.kind, r.fileName])).toEqual([['mid', 'midi', 'riff.mid'], ['wav', 'wav', 'genpatch.wav']]);

    const patchJson = JSON.stringify({ format: 'genpatch', nodes: graph.nodes });
    const midiRequest = requests[0] as Extract<typeof requests[number], { kind: 'midi' }>;
    const bytes = writeMidi(midiRequest.notes, { patchJson });
    const back: NoteSequence = readMidi(bytes, { fileName: 'riff.mid' });
    expect(back.notes.map((n) => [n.pitch, n.start, n.duration])).toEqual([
      [62, 0, 0.5], [66, 0.5, 0.5], [69, 1, 0.5], [62, 1.5, 1.5], [66, 1.5, 1.5], [69, 1.5, 1.5],
    ]);
    expect(back.tempo).toBe(90);
    expect(extractPatchFromMidi(bytes)).toBe(patchJson);

    const wavRequest = requests[1] as Extract<typeof requests[number], { kind: 'wav' }>;
    expect([wavRequest.bitDepth, wavRequest.float]).toEqual([16, false]);
    const wavBytes = writeWav(wavRequest.audio, { bitDepth: wavRequest.bitDepth, float: wavRequest.float, patchJson });
    const clip = readWav(wavBytes);
    expect(clip.channels[0].length).toBe(8000);
    expect(Math.max(...clip.channels[0])).toBeCloseTo(0.5, 3);
    expect(extractPatchFromWav(wavBytes)).toBe(patchJson);
  });

  it('skip export nodes that failed', async () => {
    const registry = new NodeRegistry([...ioNodes, ...transformNodes]);
    const graph: GraphSpec = {
      nodes: [
        { id: 'clip', type: 'notes.clip', params: { text: 'C4 X9' } },
        { id: 'mid', type: 'export.midi', params: {} },
      ],
      edges: [{ from: { node: 'clip', port: 'notes' }, to: { node: 'mid', port: 'notes' } }],
    };
    const evaluation = await new Scheduler(registry).evaluate(graph);
    expect(evaluation.nodes.get('clip')?.error).toBe('notes.clip: at char 4, "X9": not a note name (try C4, F#3, Bb5)');
    expect(collectExports(graph, evaluation, registry)).toEqual([]);
  });
});
