import { describe, expect, it } from 'vitest';
import { listMidiTracks, readMidi } from '../../src/music/midi';
import { chunk, endOfTrack, ev, noteOff, noteOn, smf, track } from './smfBytes';

const good = smf(1, 480,
  track(endOfTrack()),
  track(noteOn(0, 1, 60, 100), noteOff(480, 1, 60), endOfTrack()),
);

describe('broken MIDI files', () => {
  it('names the file when the data is not MIDI at all', () => {
    const wav = new TextEncoder().encode('RIFF\u0024\u0000\u0000\u0000WAVEfmt ');
    expect(() => readMidi(wav, { fileName: 'broken.mid' }))
      .toThrow('broken.mid: not a Standard MIDI File (no MThd header)');
    expect(() => readMidi(new Uint8Array(0), { fileName: 'empty.mid' }))
      .toThrow('empty.mid: not a Standard MIDI File (no MThd header)');
    expect(() => listMidiTracks(new Uint8Array([1, 2, 3]), 'junk.bin')).toThrow('junk.bin: not a Standard MIDI File');
  });

  it('reports a file cut off inside the header, a track header, or track data', () => {
    expect(() => readMidi(good.slice(0, 10), { fileName: 'cut.mid' }))
      .toThrow('cut.mid: truncated: the MThd header needs 14 bytes but the file has 10');
    expect(() => readMidi(good.slice(0, 14 + 8 + 4 + 3), { fileName: 'cut.mid' }))
      .toThrow('cut.mid: truncated: the header of track 2 is cut off');
    expect(() => readMidi(good.slice(0, good.length - 5), { fileName: 'cut.mid' }))
      .toThrow(/^cut\.mid: truncated: track 2 declares 13 bytes but only 8 remain$/);
    expect(() => readMidi(good.slice(0, 14 + 12), { fileName: 'cut.mid' }))
      .toThrow('cut.mid: truncated: the header announces 2 tracks but only 1 are present');
  });

  it('reports an event cut off at the end of its track', () => {
    // The chunk length is consistent, but the last note-on lacks its velocity byte.
    const file = smf(0, 480, chunk('MTrk', [...noteOn(0, 1, 60, 100), ...noteOff(10, 1, 60), ...ev(0, 0x90, 62)]));
    expect(() => readMidi(file, { fileName: 'half.mid' }))
      .toThrow('half.mid: malformed track 1: the event at byte 8 runs past the end of the track');
  });

  it('reports data bytes without a status byte, and unknown status bytes', () => {
    const orphan = smf(0, 480, track(ev(0, 0x60, 1, 2), endOfTrack()));
    expect(() => readMidi(orphan, { fileName: 'odd.mid' }))
      .toThrow('odd.mid: malformed track 1: running status without a previous status byte at byte 1');
    const system = smf(0, 480, track(noteOn(0, 1, 60, 100), ev(5, 0xf3, 1), endOfTrack()));
    expect(() => readMidi(system, { fileName: 'odd.mid' }))
      .toThrow('odd.mid: malformed track 1: unknown status byte 0xf3 at byte 4');
  });

  it('refuses SMPTE time division and unknown formats', () => {
    const smpte = good.slice();
    smpte[12] = 0xe7; // -25 fps
    smpte[13] = 40;
    expect(() => readMidi(smpte, { fileName: 's.mid' })).toThrow('s.mid: SMPTE time division is not supported');
    const format3 = good.slice();
    format3[9] = 3;
    expect(() => readMidi(format3, { fileName: 'f.mid' })).toThrow('f.mid: unknown SMF format 3');
  });

  it('skips alien chunks between tracks, as the standard asks', () => {
    const file = smf(0, 480, chunk('XFIH', [1, 2, 3, 4, 5]), track(noteOn(0, 1, 64, 100), noteOff(240, 1, 64), endOfTrack()));
    expect(readMidi(file).notes.map((n) => [n.pitch, n.duration])).toEqual([[64, 0.5]]);
  });
});
