"""A prepared clip (16 kHz audio with its per-frame f0 and loudness) and the saxophone notes."""
from __future__ import annotations

import glob
import os
import re
from dataclasses import dataclass

import numpy as np
import soundfile as sf

from .features import HOP, SAMPLE_RATE, fill_unvoiced, highpass, loudness, resample, yin


@dataclass
class Clip:
    """16 kHz mono audio and its frames: f0 (Hz, filled, never 0 where any frame is voiced) and loudness (dB)."""
    name: str
    split: str  # "train" or "test"
    audio: np.ndarray
    f0: np.ndarray
    loudness: np.ndarray
    pitch: int | None  # MIDI pitch of a held note
    dynamic: str | None  # "f" or "p"


HELD_OUT = lambda pitch: (pitch - 49) % 8 == 4  # MIDI 53, 61, 69, 77: every 8th pitch, both dynamics
TRIM_BELOW_PEAK_DB = 50.0


def parse_sfz(path: str) -> dict[str, int]:
    """Note-name stem (e.g. 'db2') → MIDI pitch, from each region's pitch_keycenter (else its lokey = hikey)."""
    text = open(path, encoding="utf-8", errors="replace").read()
    stems = {}
    for region in text.split("<region>")[1:]:
        sample = re.search(r"sample=\S*?([a-g]b?\d)_[fp]_rr\d_\w+\.wav", region)
        key = re.search(r"pitch_keycenter=(\d+)", region)
        if key is None:
            lo, hi = re.search(r"lokey=(\d+)", region), re.search(r"hikey=(\d+)", region)
            key = lo if lo and hi and lo.group(1) == hi.group(1) else None
        if sample and key:
            stems[sample.group(1)] = int(key.group(1))
    return stems


def trim(audio: np.ndarray) -> np.ndarray:
    """Cuts leading and trailing frames quieter than the peak loudness − 50 dB (keeping 0.1 s margins)."""
    ld = loudness(audio)
    loud = np.nonzero(ld > ld.max() - TRIM_BELOW_PEAK_DB)[0]
    start = max(0, (loud[0] - 25) * HOP)
    end = min(len(audio), (loud[-1] + 25) * HOP)
    return audio[start:end]


def features_clip(name: str, split: str, audio: np.ndarray, pitch: int | None, dynamic: str | None) -> Clip:
    """A clip with YIN f0 (unvoiced frames filled from the nearest voiced one) and loudness."""
    f0, _ = yin(audio)
    return Clip(name, split, audio.astype(np.float32), fill_unvoiced(f0), loudness(audio), pitch, dynamic)


def sax_note_audio(path: str) -> np.ndarray:
    """A FLAC note → high-passed at 20 Hz, resampled to 16 kHz, silence trimmed."""
    audio, rate = sf.read(path, dtype="float64", always_2d=True)
    audio = highpass(audio.mean(axis=1), rate)
    return trim(resample(audio, rate, SAMPLE_RATE))


def prepare_sax(data_dir: str) -> list[Clip]:
    """All 64 notes of the Weresax alto subset (sorted by pitch, then dynamic) with their split."""
    sfz = os.path.join(data_dir, "alto_map_forte_condenser.sfz")
    if not os.path.exists(sfz):
        raise FileNotFoundError(f"sax data: {sfz} not found; pass --data DIR (the karoryfer_weresax_alto_cc0 folder) or --smoke")
    stems = parse_sfz(sfz)
    clips = []
    for path in sorted(glob.glob(os.path.join(data_dir, "flac", "*_rr1_cnd.flac"))):
        m = re.match(r"([a-g]b?\d)_([fp])_rr1_cnd\.flac", os.path.basename(path))
        if not m or m.group(1) not in stems:
            raise ValueError(f"sax data: {path} has no pitch in {sfz}")
        pitch = stems[m.group(1)]
        clips.append(features_clip(os.path.basename(path), "test" if HELD_OUT(pitch) else "train",
                                   sax_note_audio(path), pitch, m.group(2)))
    if len(clips) == 0:
        raise FileNotFoundError(f"sax data: no *_rr1_cnd.flac under {data_dir}/flac")
    return sorted(clips, key=lambda c: (c.pitch, c.dynamic))


def load_subset(subset_dir: str) -> list[Clip]:
    """The vendored 16 kHz subset (training/data/ddsp/sax-subset/sax_<pitch>_<f|p>.wav)."""
    clips = []
    for path in sorted(glob.glob(os.path.join(subset_dir, "sax_*_*.wav"))):
        pitch, dynamic = re.match(r"sax_(\d+)_([fp])\.wav", os.path.basename(path)).groups()
        audio, rate = sf.read(path, dtype="float64")
        if rate != SAMPLE_RATE:
            raise ValueError(f"sax subset: {path} is {rate} Hz, expected {SAMPLE_RATE}")
        clips.append(features_clip(os.path.basename(path), "test" if HELD_OUT(int(pitch)) else "train",
                                   audio, int(pitch), dynamic))
    if not clips:
        raise FileNotFoundError(f"sax subset: no sax_<pitch>_<f|p>.wav in {subset_dir}")
    return clips


def write_subset(clips: list[Clip], subset_dir: str, picks: list[tuple[int, str]], seconds: float) -> list[str]:
    """Writes the first `seconds` of the picked (pitch, dynamic) notes as 16-bit WAV; returns the paths."""
    os.makedirs(subset_dir, exist_ok=True)
    paths = []
    for pitch, dynamic in picks:
        clip = next(c for c in clips if c.pitch == pitch and c.dynamic == dynamic)
        path = os.path.join(subset_dir, f"sax_{pitch}_{dynamic}.wav")
        sf.write(path, clip.audio[:round(seconds * SAMPLE_RATE)], SAMPLE_RATE, subtype="PCM_16")
        paths.append(path)
    return paths


def pitch_check(clip: Clip) -> float:
    """Median cents of YIN's f0 from the note's sfz pitch over the louder frames."""
    loud = clip.loudness > clip.loudness.max() - 20
    return float(np.median(1200 * np.log2(clip.f0[loud] / (440.0 * 2 ** ((clip.pitch - 69) / 12)))))
