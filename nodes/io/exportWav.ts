/** The `export.wav` node: marks audio to be written as a WAV file by the host. */
import { defineNode } from '../../src/engine/node';
import { exportFileName } from './exportFileName';

/** Sample formats of WAV exports: 16- or 24-bit integer PCM, or 32-bit float. */
export const WAV_BIT_DEPTHS = ['16', '24', '32f'] as const;

/** What a WAV bit-depth option means for the writer (`writeWav` options of src/dsp/wavWrite.ts). */
export function wavSampleFormat(option: string): { bitDepth: 16 | 24 | 32; float: boolean } {
  switch (option) {
    case '16': return { bitDepth: 16, float: false };
    case '24': return { bitDepth: 24, float: false };
    case '32f': return { bitDepth: 32, float: true };
    default: throw new Error(`export.wav: bit depth "${option}" is not one of ${WAV_BIT_DEPTHS.join(', ')}`);
  }
}

/** A sink: hosts write its audio as a WAV file with the patch embedded. */
export const exportWavNode = defineNode({
  type: 'export.wav',
  title: 'Export WAV',
  category: 'io',
  sink: true,
  doc: 'Marks the audio wired into it to be saved as a WAV file (RIFF/WAVE, the PCM format of '
    + 'Microsoft and IBM from 1991 that every audio tool reads), as 16- or 24-bit integers or 32-bit '
    + 'float. Nodes are pure, so this node writes nothing itself: after a render, the host — '
    + '`genpatch render` on the command line, the Export button in the page — finds every export '
    + 'node, writes its input under the file name given here, and embeds the patch in a chunk of the '
    + 'file, so dropping the .wav back on the canvas reopens the patch that made it. The audio also '
    + 'passes through unchanged.',
  inputs: { audio: { type: 'audio' } },
  outputs: { audio: { type: 'audio', doc: 'The input, unchanged.' } },
  params: {
    fileName: { kind: 'text', default: 'genpatch.wav', doc: 'Name of the written file (.wav is added if missing).' },
    bitDepth: { kind: 'enum', options: WAV_BIT_DEPTHS, default: '24', doc: '16-bit, 24-bit integer or 32-bit float samples.' },
  },
  run: ({ audio }, { fileName, bitDepth }) => {
    const name = exportFileName(fileName, ['.wav'], 'export.wav');
    const seconds = (audio.channels[0]?.length ?? 0) / audio.sampleRate;
    return {
      outputs: { audio },
      previews: [
        { kind: 'waveform', title: name, port: 'audio' },
        {
          kind: 'text',
          title: 'Export',
          text: `Saves ${name}: ${seconds.toFixed(2)} s, ${audio.channels.length} channel(s) at ${audio.sampleRate} Hz, ${bitDepth === '32f' ? '32-bit float' : `${bitDepth}-bit`}.`,
        },
      ],
    };
  },
});
