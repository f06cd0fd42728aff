/**
 * Auditioning one of several note sequences through the page's player: which one is playing, a
 * toggle to play or stop it, and its playhead in beats for the piano roll.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { NoteSequence } from '../../engine/values';
import { useApp } from '../AppContext';
import { useStore } from '../state/store';

/** What the audition hook gives a list of candidates. */
export interface Audition {
  /** Key of the sequence playing from this list, or null. */
  playing: string | null;
  /** Plays `seq` under `key`, or stops it when it is the one playing. */
  toggle(key: string, seq: NoteSequence): void;
  /** Playhead in beats of the sequence playing (null when none). */
  beat: number | null;
}

/**
 * Plays sequences one at a time through the shared player (its tempo, volume and limiter).
 * @example
 * const audition = useAudition();
 * <button onClick={() => audition.toggle('c1', seq)}>{audition.playing === 'c1' ? 'stop' : 'play'}</button>
 */
export function useAudition(): Audition {
  const { player } = useApp();
  const playerPlaying = useStore(player.state, (s) => s.playing && s.source === 'notes');
  const tempo = useStore(player.state, (s) => s.tempo);
  const [mine, setMine] = useState<string | null>(null);
  const started = useRef(false);
  const [beat, setBeat] = useState<number | null>(null);
  const playing = playerPlaying ? mine : null;
  const playingRef = useRef(playing);
  playingRef.current = playing;

  useEffect(() => {
    if (!playerPlaying) setMine(null);
  }, [playerPlaying]);

  useEffect(() => {
    if (playing === null) { setBeat(null); return; }
    let raf = 0;
    const tick = (): void => {
      const seconds = player.position();
      setBeat(seconds === null ? null : (seconds * tempo) / 60);
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, tempo, player]);

  // Leaving the panel stops what it started.
  useEffect(() => () => { if (started.current && player.state.get().source === 'notes') player.stop(); }, [player]);

  const toggle = useCallback((key: string, seq: NoteSequence): void => {
    if (playingRef.current === key) { player.stop(); setMine(null); return; }
    setMine(key);
    started.current = true;
    void player.playNotes(seq);
  }, [player]);
  return { playing, toggle, beat };
}
