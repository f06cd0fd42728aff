/**
 * How a monophonic player turns notes into the two curves a DDSP decoder plays (docs/ddsp.md): of
 * the notes held, the highest sounds; the pitch glides between notes (portamento) and wavers with a
 * vibrato that fades in after each onset; the loudness follows the velocity under a
 * linear-amplitude attack/release envelope, in dB, with −100 dB (the contract's silence) between
 * notes. The same performer serves a render (every note known in advance) and a live stream
 * (notes arriving as they are played), frame by frame.
 */

/** The loudness of silence, in dB (the floor of the A-weighted loudness of docs/ddsp.md). */
export const SILENCE_DB = -100;

/** How notes are performed. */
export interface PerformanceOptions {
  /** Seconds a pitch change takes to glide to the new note (0 = jump). */
  glide: number;
  /** Vibrato rate in Hz. */
  vibratoRate: number;
  /** Vibrato depth in cents (peak deviation from the note's pitch). */
  vibratoDepth: number;
  /** Seconds over which the vibrato fades in after an onset (0 = at once). */
  vibratoFadeIn: number;
  /** Seconds from silence to the note's loudness. */
  attack: number;
  /** Seconds from the note's loudness to silence after the last note ends. */
  release: number;
  /** Loudness of a note of velocity 1, in dB. */
  loudness: number;
  /** dB between velocity 1 and velocity 0. */
  dynamics: number;
  /** Overlapping or touching notes slur (no new attack) instead of being tongued anew. */
  legato: boolean;
}

/** A note in seconds; `off` is Infinity while a played note is held. */
export interface TimedNote {
  pitch: number;
  velocity: number;
  on: number;
  off: number;
}

/** One frame of the performance: f0 in Hz (0 before the first note), loudness in dB, voicing 1 while sounding. */
export interface PerformedFrame {
  f0: number;
  loudness: number;
  voicing: number;
}

/** A linear-amplitude attack/release envelope evaluated at any time, so its shape does not depend on where frames fall. */
class Envelope {
  private attacking = false;
  private from = 0;
  private since = 0;

  constructor(private readonly times: () => { attack: number; release: number }) {}

  /** The level (0–1) at `t` seconds. */
  level(t: number): number {
    const { attack, release } = this.times();
    const elapsed = t - this.since;
    if (this.attacking) return attack > 0 ? Math.min(1, this.from + elapsed / attack) : 1;
    return release > 0 ? Math.max(0, this.from - elapsed / release) : 0;
  }

  /** Starts an attack at `t`, from silence or from the level reached. */
  start(t: number, fromSilence: boolean): void {
    this.from = fromSilence ? 0 : this.level(t);
    this.attacking = true;
    this.since = t;
  }

  /** Starts the release at `t`. */
  stop(t: number): void {
    this.from = this.level(t);
    this.attacking = false;
    this.since = t;
  }
}

/** The pitch (MIDI, fractional) at `t` of a glide from `from` to `to` that started at `start`. */
function glidePitch(from: number, to: number, start: number, t: number, glide: number): number {
  if (glide <= 0 || t >= start + glide) return to;
  return from + (to - from) * ((t - start) / glide);
}

/**
 * A monophonic performer, asked for frames at growing times `t` (seconds) one `dt` apart.
 * @example
 * const player = new Performer(options, 1 / 250);
 * player.add({ pitch: 69, velocity: 0.8, on: 0, off: 0.5 });
 * const { f0, loudness } = player.frame(0.1);
 */
export class Performer {
  private pending: TimedNote[] = [];
  private held: TimedNote[] = [];
  private active: TimedNote | null = null;
  private readonly envelope = new Envelope(() => this.opts);
  private target = SILENCE_DB; // dB of the sounding note at full envelope
  private pitch: number | null = null; // where the glide ends; null before the first note
  private glideFrom = 0;
  private glideStart = 0;
  private onset = 0;

  constructor(private opts: PerformanceOptions, private readonly dt: number) {}

  /** New options, heard from the next frame (a live control moving the vibrato depth, say). */
  setOptions(opts: PerformanceOptions): void {
    this.opts = opts;
  }

  /** A note to play from `note.on` (past or future) until `note.off`. */
  add(note: TimedNote): void {
    let i = this.pending.length;
    while (i > 0 && this.pending[i - 1].on > note.on) i--;
    this.pending.splice(i, 0, { ...note });
  }

  /** Ends the earliest still-open note of `pitch` at `time`. */
  release(pitch: number, time: number): void {
    const open = [...this.held, ...this.pending].find((n) => n.pitch === pitch && n.off === Infinity);
    if (open) open.off = Math.max(open.on, time);
  }

  /** The performance at `t`. */
  frame(t: number): PerformedFrame {
    const o = this.opts;
    while (this.pending.length > 0 && this.pending[0].on <= t) this.held.push(this.pending.shift()!);
    this.held = this.held.filter((n) => t < n.off);
    let now: TimedNote | null = null;
    for (const n of this.held) if (!now || n.pitch > now.pitch) now = n;
    if (now !== this.active) {
      if (now) {
        const since = Math.max(now.on, t - this.dt); // a note uncovered when a higher one ends starts now
        if (this.pitch === null) {
          this.pitch = this.glideFrom = now.pitch;
        } else if (now.pitch !== this.pitch) {
          this.glideFrom = glidePitch(this.glideFrom, this.pitch, this.glideStart, since, o.glide);
          this.glideStart = since;
          this.pitch = now.pitch;
        }
        this.target = o.loudness - o.dynamics * (1 - now.velocity);
        if (!this.active || !o.legato) {
          this.envelope.start(since, this.active !== null); // a touching note is tongued anew, from silence
          this.onset = since;
        }
      } else {
        this.envelope.stop(Math.min(t, this.active!.off));
      }
      this.active = now;
    }
    if (this.pitch === null) return { f0: 0, loudness: SILENCE_DB, voicing: 0 };
    const level = this.envelope.level(t);
    const fade = o.vibratoFadeIn > 0 ? Math.min(1, (t - this.onset) / o.vibratoFadeIn) : 1;
    const vibrato = (o.vibratoDepth / 100) * fade * Math.sin(2 * Math.PI * o.vibratoRate * (t - this.onset));
    const semitones = glidePitch(this.glideFrom, this.pitch, this.glideStart, t, o.glide) + vibrato;
    return {
      f0: 440 * 2 ** ((semitones - 69) / 12),
      loudness: level > 0 ? Math.max(SILENCE_DB, this.target + 20 * Math.log10(level)) : SILENCE_DB,
      voicing: level > 0 ? 1 : 0,
    };
  }
}
