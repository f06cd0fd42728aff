/**
 * Plays the patch's output audio (or a note sequence through a small synth) with plain Web Audio:
 * master volume, a limiter and a meter. The first user gesture unlocks the audio context.
 */
import type { AudioClip, NoteSequence } from '../../engine/values';
import { createStore, type Store } from '../state/store';
import { scheduleNotes } from './noteSynth';

/** What the transport shows. */
export interface PlayerState {
  playing: boolean;
  loop: boolean;
  /** Master volume 0–1. */
  volume: number;
  /** Tempo used to play note sequences, in BPM. */
  tempo: number;
  /** What is playing: the output clip, or the notes of a viewer. */
  source: 'clip' | 'notes' | null;
  /** Length of what is playing, in seconds. */
  duration: number;
  /** True once the audio context runs. */
  unlocked: boolean;
}

/** The page's audio player. */
export interface Player {
  state: Store<PlayerState>;
  /** Resumes the audio context (call from a user gesture). */
  unlock(): Promise<void>;
  playClip(clip: AudioClip): Promise<void>;
  /** Plays notes at the transport tempo. */
  playNotes(seq: NoteSequence): Promise<void>;
  stop(): void;
  /** Seconds into what is playing (wraps when looping), or null when stopped. */
  position(): number | null;
  setVolume(volume: number): void;
  setLoop(loop: boolean): void;
  setTempo(bpm: number): void;
  /** Largest absolute sample seen at the master output since the last call. */
  takeMeterPeak(): number;
}

/**
 * Creates the player; the AudioContext is made lazily on first use.
 * @example
 * const player = createPlayer(); await player.unlock(); await player.playClip(clip);
 */
export function createPlayer(): Player {
  const state = createStore<PlayerState>({ playing: false, loop: false, volume: 0.8, tempo: 120, source: null, duration: 0, unlocked: false });
  let ctx: AudioContext | null = null;
  let master: GainNode | null = null;
  let analyser: AnalyserNode | null = null;
  let voices: AudioScheduledSourceNode[] = [];
  let startTime = 0;
  let endTimer: ReturnType<typeof setTimeout> | null = null;
  let lastNotes: NoteSequence | null = null;
  let lastClip: AudioClip | null = null;
  const meterBuf = new Float32Array(2048);

  const context = (): AudioContext => {
    if (ctx) return ctx;
    ctx = new AudioContext({ latencyHint: 'interactive' });
    master = ctx.createGain();
    master.gain.value = state.get().volume;
    const limiter = ctx.createDynamicsCompressor();
    limiter.threshold.value = -1;
    limiter.knee.value = 0;
    limiter.ratio.value = 20;
    limiter.attack.value = 0.002;
    limiter.release.value = 0.12;
    analyser = ctx.createAnalyser();
    analyser.fftSize = 2048;
    master.connect(limiter).connect(analyser).connect(ctx.destination);
    return ctx;
  };

  const stopVoices = (): void => {
    for (const v of voices) {
      try { v.stop(); } catch { /* already stopped */ }
      v.disconnect();
    }
    voices = [];
    if (endTimer) clearTimeout(endTimer);
    endTimer = null;
  };

  const begin = (source: 'clip' | 'notes', duration: number): void => {
    startTime = context().currentTime + 0.05;
    state.set((s) => ({ ...s, playing: true, source, duration }));
    if (!state.get().loop || source === 'notes') {
      endTimer = setTimeout(() => {
        if (source === 'notes' && state.get().loop && lastNotes) void player.playNotes(lastNotes);
        else player.stop();
      }, (duration + 0.1) * 1000);
    }
  };

  const player: Player = {
    state,
    async unlock() {
      const c = context();
      if (c.state !== 'running') await c.resume();
      state.set((s) => ({ ...s, unlocked: c.state === 'running' }));
    },
    async playClip(clip) {
      await player.unlock();
      stopVoices();
      lastClip = clip;
      lastNotes = null;
      const c = context();
      const src = c.createBufferSource();
      src.buffer = toAudioBuffer(c, clip);
      src.loop = state.get().loop;
      src.connect(master!);
      begin('clip', src.buffer.duration);
      src.start(startTime);
      voices = [src];
    },
    async playNotes(seq) {
      await player.unlock();
      stopVoices();
      lastNotes = seq;
      lastClip = null;
      const c = context();
      const tempo = state.get().tempo;
      const { sources, duration } = scheduleNotes(c, master!, seq, tempo, c.currentTime + 0.05);
      voices = sources;
      begin('notes', duration);
    },
    stop() {
      stopVoices();
      state.set((s) => ({ ...s, playing: false, source: null }));
    },
    position() {
      const s = state.get();
      if (!s.playing || !ctx) return null;
      const t = Math.max(0, ctx.currentTime - startTime);
      return s.loop && s.duration > 0 ? t % s.duration : Math.min(t, s.duration);
    },
    setVolume(volume) {
      state.set((s) => ({ ...s, volume }));
      if (master && ctx) master.gain.setTargetAtTime(volume, ctx.currentTime, 0.02);
    },
    setLoop(loop) {
      state.set((s) => ({ ...s, loop }));
      const s = state.get();
      if (s.playing && s.source === 'clip' && lastClip) void player.playClip(lastClip);
    },
    setTempo(bpm) {
      state.set((s) => ({ ...s, tempo: Math.max(20, Math.min(300, bpm)) }));
    },
    takeMeterPeak() {
      if (!analyser) return 0;
      analyser.getFloatTimeDomainData(meterBuf);
      let peak = 0;
      for (let i = 0; i < meterBuf.length; i++) peak = Math.max(peak, Math.abs(meterBuf[i]));
      return peak;
    },
  };
  return player;
}

/** Copies a clip into an AudioBuffer, replacing NaN and infinities by silence (the NaN guard). */
function toAudioBuffer(ctx: BaseAudioContext, clip: AudioClip): AudioBuffer {
  const length = Math.max(1, clip.channels[0]?.length ?? 1);
  const buffer = ctx.createBuffer(clip.channels.length, length, clip.sampleRate);
  clip.channels.forEach((ch, i) => {
    const out = buffer.getChannelData(i);
    for (let j = 0; j < ch.length; j++) out[j] = Number.isFinite(ch[j]) ? ch[j] : 0;
  });
  return buffer;
}
