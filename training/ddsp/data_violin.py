"""Violin data: Irish tunes rendered by FluidSynth (FluidR3 GM, program 40) with exact f0 labels.

Each tune is played slower than written (an eighth note lasts 0.25–0.45 s), transposed within the
violin's range, with a velocity per bar and a delayed pitch-bend vibrato on longer notes. The f0
label of every frame is the MIDI pitch plus the bend that was sent; loudness comes from the audio.
"""
from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import tempfile

import numpy as np
import soundfile as sf

from . import midi
from .features import FRAME_RATE, SAMPLE_RATE, frame_count, loudness, midi_to_hz, yin
from .notes import Clip

SOUNDFONT = "/usr/share/sounds/sf2/FluidR3_GM.sf2"
PROGRAM = 40  # General MIDI violin
BEND_STEP_S = 0.008


def load_tunes(path: str) -> list[dict]:
    """The tunes of training/data/irish.notes.json.gz (notes: [pitch, start beat, duration beats, voice])."""
    with gzip.open(path, "rt") as f:
        return json.load(f)["tunes"]


def performance(tune: dict, rng: np.random.Generator, seconds: float) -> tuple[list, list]:
    """(notes [(onset s, offset s, pitch, velocity)], bends [(time s, 14-bit value)]) for the first `seconds`."""
    beat_s = rng.uniform(0.5, 0.9)  # a quarter note; the written tempo is ignored
    pitches = [n[0] for n in tune["notes"]]
    transpose = int(rng.integers(-5, 6))
    transpose = max(transpose, 55 - min(pitches))
    notes, bends = [], []
    velocity = int(rng.integers(45, 121))
    bar = -1
    for pitch, start, dur, _voice in tune["notes"]:
        onset = start * beat_s
        if onset >= seconds:
            break
        if int(start // 4) != bar:
            bar = int(start // 4)
            velocity = int(np.clip(velocity + rng.integers(-25, 26), 40, 124))
        length = dur * beat_s
        notes.append((onset, onset + 0.95 * length, int(pitch) + transpose, velocity))
        bends.append((onset, 8192))
        if length >= 0.3:
            depth, rate, delay = rng.uniform(0.12, 0.35), rng.uniform(4.8, 6.5), rng.uniform(0.1, 0.2)
            for t in np.arange(delay, length, BEND_STEP_S):
                ramp = min(1.0, (t - delay) / 0.15)
                bends.append((onset + t, midi.bend_value(ramp * depth * np.sin(2 * np.pi * rate * (t - delay)))))
    return notes, bends


def frame_f0(notes: list, bends: list, frames: int) -> np.ndarray:
    """Per-frame f0 (Hz): the pitch of the latest note-on plus the latest bend, both at tick resolution."""
    tick = lambda s: round(s * midi.TICKS_PER_SECOND)
    t = np.arange(frames) / FRAME_RATE * midi.TICKS_PER_SECOND
    onsets = np.array([tick(n[0]) for n in notes])
    note_idx = np.clip(np.searchsorted(onsets, t, side="right") - 1, 0, len(notes) - 1)
    bend_ticks = np.array([tick(b[0]) for b in bends])
    bend_idx = np.searchsorted(bend_ticks, t, side="right") - 1
    bend_vals = np.array([b[1] for b in bends])
    semis = np.where(bend_idx >= 0, midi.bend_semitones(bend_vals[np.maximum(bend_idx, 0)]), 0.0)
    return midi_to_hz(np.array([n[2] for n in notes])[note_idx] + semis)


def render(notes: list, bends: list, workdir: str, name: str) -> np.ndarray:
    """Renders the performance with fluidsynth at 16 kHz (no reverb or chorus) and returns mono float audio."""
    if not shutil.which("fluidsynth"):
        raise RuntimeError("violin data: `fluidsynth` is not installed (apt-get install fluidsynth fluid-soundfont-gm)")
    if not os.path.exists(SOUNDFONT):
        raise RuntimeError(f"violin data: soundfont {SOUNDFONT} is missing (apt-get install fluid-soundfont-gm)")
    tick = lambda s: round(s * midi.TICKS_PER_SECOND)
    events = []  # (tick, order, data): at one tick, note-offs, then bends, then note-ons
    for on, off, pitch, vel in notes:
        events.append((tick(on), 2, bytes([0x90, pitch, vel])))
        events.append((tick(off), 0, bytes([0x80, pitch, 0])))
    for t, v in bends:
        events.append((tick(t), 1, bytes([0xE0, v & 0x7F, v >> 7])))
    events = [(t, data) for t, _order, data in sorted(events, key=lambda e: (e[0], e[1]))]
    mid, wav = os.path.join(workdir, f"{name}.mid"), os.path.join(workdir, f"{name}.wav")
    midi.write_midi(mid, events, channel_program=PROGRAM)
    subprocess.run(["fluidsynth", "-ni", "-q", "-R", "0", "-C", "0", "-g", "0.6", "-r", str(SAMPLE_RATE),
                    "-O", "float", "-F", wav, SOUNDFONT, mid], check=True, capture_output=True)
    audio, rate = sf.read(wav, dtype="float64", always_2d=True)
    if rate != SAMPLE_RATE:
        raise RuntimeError(f"violin data: fluidsynth wrote {rate} Hz, expected {SAMPLE_RATE}")
    return audio.mean(axis=1)


def prepare_violin(tunes_path: str, n_train: int, n_test: int, seconds: float, seed: int = 0) -> list[Clip]:
    """Renders n_train tunes of the corpus's train split and n_test of its test split, with labels."""
    tunes = load_tunes(tunes_path)
    rng = np.random.default_rng(seed)
    picked = []
    for split, count in (("train", n_train), ("test", n_test)):
        pool = [t for t in tunes if t["split"] == split]
        for i in rng.choice(len(pool), size=count, replace=False):
            picked.append((split, pool[int(i)]))
    clips = []
    with tempfile.TemporaryDirectory(prefix="ddsp-violin-") as workdir:
        for i, (split, tune) in enumerate(picked):
            notes, bends = performance(tune, rng, seconds)
            audio = render(notes, bends, workdir, f"tune{i}")
            end = min(len(audio), round((notes[-1][1] + 0.5) * SAMPLE_RATE))
            audio = audio[:end]
            frames = frame_count(len(audio))
            f0 = frame_f0(notes, bends, frames)
            clips.append(Clip(name=tune["name"], split=split, audio=audio.astype(np.float32), f0=f0,
                              loudness=loudness(audio), pitch=None, dynamic=None))
    return clips


def label_check(clip: Clip) -> float:
    """Median |cents| between the MIDI label and YIN on voiced frames: checks the render is in tune."""
    f0, _ = yin(clip.audio)
    voiced = (f0 > 0) & (clip.loudness > clip.loudness.max() - 30)
    return float(np.median(np.abs(1200 * np.log2(f0[voiced] / clip.f0[voiced])))) if voiced.any() else float("nan")
