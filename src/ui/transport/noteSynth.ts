/** A small Web Audio synth that plays a NoteSequence for auditioning notes previews. */
import type { NoteSequence } from '../../engine/values';

const MAX_VOICES = 400;

/** Schedules every note from `when` at `tempo` BPM; returns the sources and the length in seconds. */
export function scheduleNotes(ctx: BaseAudioContext, out: AudioNode, seq: NoteSequence, tempo: number, when: number):
  { sources: AudioScheduledSourceNode[]; duration: number } {
  const spb = 60 / tempo;
  const sources: AudioScheduledSourceNode[] = [];
  const drums = new Set((seq.voices ?? []).flatMap((v, i) => (v.drums ? [i] : [])));
  for (const note of seq.notes.slice(0, MAX_VOICES)) {
    const t0 = when + note.start * spb;
    const dur = Math.max(0.03, note.duration * spb);
    const gain = ctx.createGain();
    const peak = 0.18 * note.velocity;
    gain.gain.setValueAtTime(0, t0);
    gain.gain.linearRampToValueAtTime(peak, t0 + 0.008);
    gain.gain.setTargetAtTime(peak * 0.6, t0 + 0.01, 0.08);
    gain.gain.setTargetAtTime(0, t0 + dur, 0.05);
    gain.connect(out);
    const src = drums.has(note.voice ?? -1) ? noiseBurst(ctx, t0) : tone(ctx, note.pitch, t0, dur);
    src.connect(gain);
    sources.push(src);
  }
  return { sources, duration: Math.max(seq.length, 1) * spb };
}

function tone(ctx: BaseAudioContext, pitch: number, t0: number, dur: number): OscillatorNode {
  const osc = ctx.createOscillator();
  osc.type = 'triangle';
  osc.frequency.value = 440 * 2 ** ((pitch - 69) / 12);
  osc.start(t0);
  osc.stop(t0 + dur + 0.4);
  return osc;
}

function noiseBurst(ctx: BaseAudioContext, t0: number): AudioBufferSourceNode {
  const len = Math.floor(ctx.sampleRate * 0.12);
  const buf = ctx.createBuffer(1, len, ctx.sampleRate);
  const data = buf.getChannelData(0);
  let x = 12345;
  for (let i = 0; i < len; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    data[i] = ((x / 0x7fffffff) * 2 - 1) * (1 - i / len) ** 3;
  }
  const src = ctx.createBufferSource();
  src.buffer = buf;
  src.start(t0);
  return src;
}
