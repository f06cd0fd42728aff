import { describe, expect, it } from 'vitest';
import { PortTypeRegistry } from '../../src/engine/portTypes';
import { listMidiTracks, readMidi } from '../../src/music/midi';
import { beatsToSeconds } from '../../src/music/noteSequence';
import {
  endOfTrack, ev, noteOff, noteOn, program, smf, tempo, text, timeSig, track, trackName,
} from './smfBytes';

const validateNotes = new PortTypeRegistry().get('notes')!.validate;

/** Format 0, PPQ 96: a C–E dyad then G, written with running status and note-on velocity 0 as note-off. */
const runningStatusFile = smf(0, 96, track(
  tempo(0, 100),
  timeSig(0, 3, 4),
  noteOn(0, 1, 60, 100),
  ev(0, 64, 90), // running status: note-on ch 1, E4 velocity 90
  ev(96, 60, 0), // running status: velocity 0 ends C4
  ev(0, 64, 0),
  ev(0, 67, 127),
  ev(48, 67, 0),
  endOfTrack(),
));

describe('readMidi on hand-built files', () => {
  it('reads a format 0 file that uses running status', () => {
    const seq = readMidi(runningStatusFile);
    expect(runningStatusFile.filter((b) => b === 0x90)).toHaveLength(1); // one status byte for six events
    expect(seq.tempo).toBe(100);
    expect(seq.tempoChanges).toBeUndefined();
    expect(seq.timeSignature).toEqual({ numerator: 3, denominator: 4 });
    expect(seq.notes).toEqual([
      { pitch: 60, velocity: 100 / 127, start: 0, duration: 1, voice: 0 },
      { pitch: 64, velocity: 90 / 127, start: 0, duration: 1, voice: 0 },
      { pitch: 67, velocity: 1, start: 1, duration: 0.5, voice: 0 },
    ]);
    expect(seq.length).toBe(3); // one bar of 3/4
    expect(validateNotes(seq)).toBeNull();
  });

  it.each([97, 480, 1000])('converts ticks to beats at PPQ %i', (ppq) => {
    const file = smf(0, ppq, track(
      noteOn(2 * ppq, 1, 72, 64), // beat 2
      noteOff(Math.round(ppq / 3), 1, 72),
      noteOn(ppq, 1, 74, 64),
      noteOff(7, 1, 74), // seven ticks
      endOfTrack(),
    ));
    const seq = readMidi(file);
    expect(seq.tempo).toBe(120); // no tempo event: the SMF default
    expect(seq.timeSignature).toEqual({ numerator: 4, denominator: 4 });
    expect(seq.notes[0].start).toBe(2);
    expect(seq.notes[0].duration).toBeCloseTo(Math.round(ppq / 3) / ppq, 12);
    expect(seq.notes[1].start).toBeCloseTo(3 + Math.round(ppq / 3) / ppq, 12);
    expect(seq.notes[1].duration).toBeCloseTo(7 / ppq, 12);
  });

  it('reads a format 1 file: conductor track plus one voice per track', () => {
    const file = smf(1, 480,
      track(trackName(0, 'Song'), tempo(0, 90), timeSig(0, 6, 8), endOfTrack()),
      track(trackName(0, 'Flute'), program(0, 1, 73), noteOn(0, 1, 79, 100), noteOff(480, 1, 79), endOfTrack()),
      track(trackName(0, 'Bass'), program(0, 2, 33), noteOn(240, 2, 40, 80), noteOff(720, 2, 40), endOfTrack()),
    );
    const seq = readMidi(file);
    expect(seq.tempo).toBe(90);
    expect(seq.timeSignature).toEqual({ numerator: 6, denominator: 8 });
    expect(seq.voices).toEqual([
      { name: 'Flute', program: 73, drums: false },
      { name: 'Bass', program: 33, drums: false },
    ]);
    expect(seq.notes.map((n) => [n.pitch, n.start, n.duration, n.voice])).toEqual([
      [79, 0, 1, 0],
      [40, 0.5, 1.5, 1],
    ]);
    expect(seq.length).toBe(3); // one bar of 6/8 is three quarter-note beats

    expect(listMidiTracks(file)).toEqual([
      { index: 0, name: 'Flute', channel: 1, noteCount: 1, program: 73, drums: false },
      { index: 1, name: 'Bass', channel: 2, noteCount: 1, program: 33, drums: false },
    ]);
    const bassOnly = readMidi(file, { track: 1 });
    expect(bassOnly.notes.map((n) => [n.pitch, n.voice])).toEqual([[40, 0]]);
    expect(bassOnly.voices).toEqual([{ name: 'Bass', program: 33, drums: false }]);
    expect(readMidi(file, { channel: 2 }).notes.map((n) => n.pitch)).toEqual([40]);
  });

  it('marks channel 10 as drums and splits a format 0 file by channel', () => {
    const file = smf(0, 480, track(
      noteOn(0, 1, 60, 100), noteOn(0, 10, 36, 127), noteOff(0, 10, 36), // zero-length kick
      noteOff(480, 1, 60), noteOn(0, 10, 38, 90), noteOff(120, 10, 38),
      endOfTrack(),
    ));
    expect(listMidiTracks(file).map((t) => [t.channel, t.noteCount, t.drums])).toEqual([[1, 1, false], [10, 2, true]]);
    const seq = readMidi(file);
    expect(seq.voices?.map((v) => v.drums)).toEqual([false, true]);
    const drums = readMidi(file, { channel: 10 });
    expect(drums.notes.map((n) => [n.pitch, n.start, n.duration])).toEqual([[36, 0, 1 / 480], [38, 1, 0.25]]);
    expect(validateNotes(drums)).toBeNull(); // the zero-length hit got one tick, so duration > 0
  });

  it('reads a tempo change in the middle of the file as a tempo map in beats', () => {
    const file = smf(1, 240,
      track(tempo(0, 120), tempo(4 * 240, 60), tempo(0, 60), tempo(2 * 240, 150), endOfTrack()),
      track(noteOn(0, 1, 60, 100), noteOff(8 * 240, 1, 60), endOfTrack()),
    );
    const seq = readMidi(file);
    expect(seq.tempo).toBe(120);
    expect(seq.tempoChanges).toEqual([{ beat: 4, bpm: 60 }, { beat: 6, bpm: 150 }]); // the repeat is dropped
    expect(beatsToSeconds(seq, 8)).toBeCloseTo(4 * 0.5 + 2 * 1 + 2 * 0.4, 9);
  });

  it('keeps rests after the last note when an event marks a later end', () => {
    const file = smf(1, 480,
      track(text(8 * 480, 'fine'), endOfTrack()),
      track(noteOn(0, 1, 60, 100), noteOff(480, 1, 60), endOfTrack()),
    );
    expect(readMidi(file).length).toBe(8);
  });

  it('refuses track and channel choices that the file does not have', () => {
    expect(() => readMidi(runningStatusFile, { fileName: 'a.mid', track: 3 }))
      .toThrow('a.mid: no track 3 (the file has tracks 0–0)');
    expect(() => readMidi(runningStatusFile, { fileName: 'a.mid', channel: 5 }))
      .toThrow('a.mid: no notes on channel 5 (notes are on channels 1)');
    expect(() => readMidi(runningStatusFile, { channel: 17 })).toThrow('expected 1–16');
  });
});
