/**
 * Loops one rendered note clip on the transport's bar grid, delivering note events a bar ahead with
 * exact audio-clock times; a new clip takes over at the next bar. Notes follow the transport's
 * tempo, and iterations fall on bars that are multiples of the clip's length in bars.
 */
import type { LiveNoteEvent } from '../../engine/node';
import type { NoteSequence } from '../../engine/values';

/**
 * One looping note-clip slot.
 * @example
 * const looper = new NoteLooper((e) => synth.noteEvent('notes', e), () => ctx.currentTime);
 * looper.setSequence(seq);
 * transport.onBar((time, bar) => looper.onBar(time, bar, 4, 0.5));
 */
export class NoteLooper {
  private seq: NoteSequence | null = null;
  private pending: NoteSequence | null = null;
  /** Notes whose note-off lies in the future: what `stop` must cut short. */
  private sounding: { pitch: number; off: number }[] = [];

  constructor(private deliver: (event: LiveNoteEvent) => void, private now: () => number) {}

  /** The clip to loop; it takes over at the next bar. */
  setSequence(seq: NoteSequence): void {
    this.pending = seq;
  }

  /** Delivers the notes of the bar starting at `time` (bar number `bar`, `beatsPerBar` beats of `secondsPerBeat`). */
  onBar(time: number, bar: number, beatsPerBar: number, secondsPerBeat: number): void {
    if (this.pending) {
      this.seq = this.pending;
      this.pending = null;
    }
    const seq = this.seq;
    if (!seq) return;
    const bars = Math.max(1, Math.ceil(seq.length / beatsPerBar - 1e-9));
    const from = (bar % bars) * beatsPerBar;
    const to = from + beatsPerBar;
    this.sounding = this.sounding.filter((s) => s.off > time);
    const notes = seq.notes.filter((n) => n.start >= from - 1e-9 && n.start < to - 1e-9).sort((a, b) => a.start - b.start);
    for (const n of notes) {
      const on = time + (n.start - from) * secondsPerBeat;
      const off = on + n.duration * secondsPerBeat;
      this.deliver({ type: 'on', pitch: n.pitch, velocity: n.velocity, time: on });
      this.deliver({ type: 'off', pitch: n.pitch, velocity: 0, time: off });
      this.sounding.push({ pitch: n.pitch, off });
    }
  }

  /** Ends every note still to come or sounding (the transport stopped). */
  stop(): void {
    const t = this.now();
    for (const { pitch, off } of this.sounding) if (off > t) this.deliver({ type: 'off', pitch, velocity: 0, time: t });
    this.sounding = [];
  }
}
