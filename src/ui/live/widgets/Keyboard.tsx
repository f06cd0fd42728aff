/**
 * An on-screen piano keyboard: play with the mouse or touch (one note per pointer, slide across keys,
 * velocity from how low on the key you press) or with the computer keyboard (A W S E D … ;), Z/X for
 * the octave and C/V for the velocity. Notes go out through the callbacks only.
 */
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import './liveWidgets.css';
import { isBlackKey, keyAction, keyLabel, noteName } from './keyboardMap';
import { useControllable } from './useControllable';

/** Props of `Keyboard`. */
export interface KeyboardProps {
  onNoteOn(note: number, velocity: number): void;
  onNoteOff(note: number): void;
  /** Lowest note shown at octave shift 0: a C (default 48, C3). */
  lowNote?: number;
  /** Octaves shown (default 2). */
  octaves?: number;
  /** Notes to light from elsewhere (e.g. a MIDI keyboard). */
  litNotes?: readonly number[];
  /** Where the computer keys play: while the keyboard has focus (default), anywhere on the page, or never. */
  computerKeys?: 'focus' | 'window' | 'off';
  /** Velocity (0–1) of computer-key notes; controlled when given. */
  velocity?: number;
  onVelocityChange?(velocity: number): void;
  /** Octave shift; controlled when given. */
  octave?: number;
  onOctaveChange?(octave: number): void;
  label?: string;
}

const VELOCITY_STEP = 0.1;
const MIN_OCTAVE = -3;
const MAX_OCTAVE = 3;

/** Velocity from where on a key the pointer went down: 0.25 at its top edge, 1 at its bottom. */
function pointerVelocity(e: ReactPointerEvent<HTMLElement>, key: Element): number {
  const box = key.getBoundingClientRect();
  return Math.round((0.25 + 0.75 * Math.min(1, Math.max(0, (e.clientY - box.top) / box.height))) * 100) / 100;
}

/** The key element (with data-note) under a point, or null. */
function keyAt(x: number, y: number): HTMLElement | null {
  return document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-note]') ?? null;
}

/**
 * @example
 * <Keyboard onNoteOn={(n, v) => synth.noteOn(n, v)} onNoteOff={(n) => synth.noteOff(n)} computerKeys="window" />
 */
export function Keyboard(props: KeyboardProps) {
  const { onNoteOn, onNoteOff, lowNote = 48, octaves = 2, litNotes = [], computerKeys = 'focus', label = 'Keyboard' } = props;
  const [velocity, setVelocity] = useControllable(props.velocity, 0.8, props.onVelocityChange);
  const [octave, setOctave] = useControllable(props.octave, 0, props.onOctaveChange);
  const [held, setHeld] = useState<ReadonlySet<number>>(new Set());
  const holders = useRef(new Map<number, number>()); // note → how many pointers/keys hold it
  const pointers = useRef(new Map<number, number>()); // pointerId → note
  const keys = useRef(new Map<string, number>()); // event.code → note
  const callbacks = useRef({ onNoteOn, onNoteOff });
  callbacks.current = { onNoteOn, onNoteOff };
  const helpId = useId();
  const base = lowNote + 12 * octave;
  const notes = Array.from({ length: octaves * 12 + 1 }, (_, i) => base + i);

  const press = useCallback((note: number, vel: number) => {
    const count = holders.current.get(note) ?? 0;
    holders.current.set(note, count + 1);
    if (count === 0) {
      callbacks.current.onNoteOn(note, vel);
      setHeld(new Set(holders.current.keys()));
    }
  }, []);
  const release = useCallback((note: number) => {
    const count = holders.current.get(note) ?? 0;
    if (count > 1) holders.current.set(note, count - 1);
    else if (count === 1) {
      holders.current.delete(note);
      callbacks.current.onNoteOff(note);
      setHeld(new Set(holders.current.keys()));
    }
  }, []);
  const releaseAll = useCallback(() => {
    for (const note of [...holders.current.keys()]) {
      holders.current.delete(note);
      callbacks.current.onNoteOff(note);
    }
    pointers.current.clear();
    keys.current.clear();
    setHeld(new Set());
  }, []);
  useEffect(() => releaseAll, [releaseAll]);

  const onKey = useCallback((e: KeyboardEvent | ReactKeyboardEvent, down: boolean) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const action = keyAction(e.code);
    if (!action) return;
    e.preventDefault();
    if (action.kind === 'note') {
      if (down && !e.repeat && !keys.current.has(e.code)) {
        const note = base + action.semitone;
        keys.current.set(e.code, note);
        press(note, velocity);
      } else if (!down && keys.current.has(e.code)) {
        release(keys.current.get(e.code)!);
        keys.current.delete(e.code);
      }
    } else if (down && !e.repeat) {
      if (action.kind === 'octave') setOctave(Math.min(MAX_OCTAVE, Math.max(MIN_OCTAVE, octave + action.delta)));
      else setVelocity(Math.round(Math.min(1, Math.max(VELOCITY_STEP, velocity + action.delta * VELOCITY_STEP)) * 10) / 10);
    }
  }, [base, octave, velocity, press, release, setOctave, setVelocity]);

  useEffect(() => {
    if (computerKeys !== 'window') return;
    const typing = (t: EventTarget | null): boolean => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
    const down = (e: KeyboardEvent): void => { if (!typing(e.target)) onKey(e, true); };
    const up = (e: KeyboardEvent): void => onKey(e, false);
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', releaseAll);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', releaseAll);
    };
  }, [computerKeys, onKey, releaseAll]);

  const pointerDown = (e: ReactPointerEvent<HTMLDivElement>): void => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    const key = (e.target as Element).closest<HTMLElement>('[data-note]');
    if (!key) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus({ preventScroll: true });
    e.preventDefault();
    const note = Number(key.dataset.note);
    pointers.current.set(e.pointerId, note);
    press(note, pointerVelocity(e, key));
  };
  const pointerMove = (e: ReactPointerEvent<HTMLDivElement>): void => {
    const from = pointers.current.get(e.pointerId);
    if (from === undefined) return;
    const key = keyAt(e.clientX, e.clientY);
    const to = key ? Number(key.dataset.note) : undefined;
    if (to === from || to === undefined) return;
    pointers.current.set(e.pointerId, to);
    release(from);
    press(to, pointerVelocity(e, key!));
  };
  const pointerUp = (e: ReactPointerEvent<HTMLDivElement>): void => {
    const note = pointers.current.get(e.pointerId);
    if (note === undefined) return;
    pointers.current.delete(e.pointerId);
    release(note);
  };

  const lit = new Set([...held, ...litNotes]);
  const whites = notes.filter((n) => !isBlackKey(n));
  const whiteWidth = 100 / whites.length;
  const focusKeys = computerKeys === 'focus' ? { onKeyDown: (e: ReactKeyboardEvent) => onKey(e, true), onKeyUp: (e: ReactKeyboardEvent) => onKey(e, false), onBlur: releaseAll } : {};
  return (
    <div className="gp-live-keyboard">
      <div className="gp-live-keyboard-bar">
        <span className="gp-live-label">{label}</span>
        <button type="button" aria-label="Octave down" disabled={octave <= MIN_OCTAVE} onClick={() => setOctave(octave - 1)}>−</button>
        <span className="gp-live-value" aria-live="polite">Octave {octave >= 0 ? `+${octave}` : octave} · {noteName(base)}–{noteName(notes[notes.length - 1])}</span>
        <button type="button" aria-label="Octave up" disabled={octave >= MAX_OCTAVE} onClick={() => setOctave(octave + 1)}>+</button>
        <label className="gp-live-velocity">Velocity
          <input type="range" min={0.1} max={1} step={0.1} value={velocity} aria-label="Velocity" onChange={(e) => setVelocity(Number(e.target.value))} />
          <span className="gp-live-value">{Math.round(velocity * 127)}</span>
        </label>
      </div>
      <div className="gp-live-keys" role="group" aria-label={label} aria-describedby={helpId} tabIndex={0}
        onPointerDown={pointerDown} onPointerMove={pointerMove} onPointerUp={pointerUp} onPointerCancel={pointerUp} {...focusKeys}>
        {notes.map((note) => {
          const black = isBlackKey(note);
          const left = black ? whites.filter((w) => w < note).length * whiteWidth - whiteWidth * 0.3 : whites.indexOf(note) * whiteWidth;
          const hint = computerKeys === 'off' ? null : keyLabel(note, base);
          return (
            <div key={note} data-note={note} role="button" aria-label={noteName(note)} aria-pressed={lit.has(note)}
              className={`gp-live-key ${black ? 'black' : 'white'} ${lit.has(note) ? 'lit' : ''}`}
              style={{ left: `${left}%`, width: `${black ? whiteWidth * 0.6 : whiteWidth}%` }}>
              {hint && <span className="gp-live-key-hint">{hint}</span>}
            </div>
          );
        })}
      </div>
      <span id={helpId} className="gp-live-hidden">
        {computerKeys === 'off' ? 'Press keys with the mouse or touch.' : 'Play with the keys A W S E D F T G Y H U J K O L P and semicolon; Z and X shift the octave; C and V change the velocity.'}
      </span>
    </div>
  );
}
