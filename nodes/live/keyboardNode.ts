/** `live.keyboard`: notes played on the node's on-screen keyboard or a MIDI keyboard, as an event stream. */
import { defineNode, type LiveNoteEvent } from '../../src/engine/node';
import { parseMeter, parseNotation } from '../../src/music/notation';
import type { ValuesOf } from '../audio/instrumentRender';
import { getNoteInput } from './liveServices';

const params = {
  channel: { kind: 'int', default: 0, min: 0, max: 16, doc: 'MIDI input channel to listen to (0 = every channel).' },
  octave: { kind: 'int', default: 4, min: 0, max: 8, doc: 'Lowest octave of the on-screen keyboard (4 starts at middle C).' },
  velocity: { kind: 'float', default: 0.8, min: 0.01, max: 1, step: 0.01, doc: 'Velocity of notes played on the on-screen keyboard.' },
  take: { kind: 'text', default: '', doc: 'Notes played when rendered (the same notation as a note clip), e.g. a recorded take.' },
  tempo: { kind: 'float', default: 120, min: 20, max: 400, unit: 'BPM', doc: 'Tempo of the take.' },
} as const;

type Values = ValuesOf<typeof params>;

/** A performer's notes into the patch. */
export const keyboardNode = defineNode({
  type: 'live.keyboard',
  title: 'Keyboard',
  category: 'live',
  doc: 'A keyboard to play the patch with: the keys drawn on the node (mouse or touch), the computer keyboard while the node is selected, and any MIDI keyboard (Web MIDI, on the chosen channel). Its output is a stream of note-on and note-off events, the MIDI model of a performance, for live synths and the recorder. Rendered (from the command line, or before live mode starts), it plays its take: notes written in the note-clip notation, so a performance can be kept in the patch.',
  outputs: { events: { type: 'events', doc: 'Note events as they are played (rendered: the take as notes).' } },
  params,
  run: (_inputs, { take, tempo }) => {
    try {
      return { outputs: { events: parseNotation(take, { tempo, timeSignature: parseMeter('4/4') }) } };
    } catch (e) {
      throw new Error(`live.keyboard take: ${(e as Error).message}`);
    }
  },
  live: {
    create(ctx) {
      const held = new Set<number>();
      let unsubscribe: (() => void) | null = null;
      let channel = -1;
      const play = (e: LiveNoteEvent): void => {
        if (e.type === 'on') held.add(e.pitch);
        else held.delete(e.pitch);
        ctx.emit('events', e);
      };
      return {
        update(p) {
          const next = (p as Values).channel;
          if (next === channel) return;
          unsubscribe?.();
          channel = next;
          unsubscribe = getNoteInput(ctx).subscribe(ctx.nodeId, channel, play);
        },
        dispose() {
          unsubscribe?.();
          const time = 0;
          for (const pitch of held) ctx.emit('events', { type: 'off', pitch, velocity: 0, time });
          held.clear();
        },
      };
    },
  },
});
