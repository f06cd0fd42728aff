"""Spectrogram images (e.g. original, resynthesis, baseline stacked) as indexed PNG written with zlib."""
from __future__ import annotations

import struct
import zlib

import numpy as np

from .features import periodic_hann

# A perceptually ordered dark-to-bright colour ramp (black, purple, red, orange, pale yellow).
RAMP = np.array([[0, 0, 4], [40, 11, 84], [101, 21, 110], [159, 42, 99], [212, 72, 66],
                 [245, 125, 21], [250, 193, 39], [252, 255, 164]], dtype=np.float64)


LEVELS = 64  # colours in the palette: banding is invisible and the PNG stays small


def spectrogram_db(audio: np.ndarray, size: int = 256, hop: int = 64) -> np.ndarray:
    """[bins, frames] magnitude in dB (Hann window, no padding)."""
    n = 1 + max(0, len(audio) - size) // hop
    idx = np.arange(n)[:, None] * hop + np.arange(size)[None, :]
    x = np.pad(audio, (0, max(0, size - len(audio))))[idx] * periodic_hann(size)
    return 20 * np.log10(np.abs(np.fft.rfft(x, axis=1)).T + 1e-6)


def palette() -> np.ndarray:
    """[LEVELS, 3] uint8 colours along RAMP."""
    v = np.linspace(0, len(RAMP) - 1, LEVELS)
    lo = np.floor(v).astype(int).clip(0, len(RAMP) - 2)
    frac = (v - lo)[:, None]
    return np.rint(RAMP[lo] * (1 - frac) + RAMP[lo + 1] * frac).astype(np.uint8)


def levels(db: np.ndarray, top: float, span: float = 80.0) -> np.ndarray:
    """dB image → palette indices, `top` dB brightest, `span` dB below it black; low frequencies at the bottom."""
    return np.rint(np.clip((db - (top - span)) / span, 0, 1)[::-1] * (LEVELS - 1)).astype(np.uint8)


def write_png(path: str, index: np.ndarray, colours: np.ndarray) -> None:
    """Writes an [H, W] uint8 array of palette indices as an 8-bit indexed PNG."""
    h, w = index.shape
    raw = b"".join(b"\x00" + index[y].tobytes() for y in range(h))
    chunk = lambda tag, data: struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 3, 0, 0, 0))
                + chunk(b"PLTE", colours.tobytes()) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def comparison_png(path: str, rows: list[np.ndarray]) -> None:
    """Spectrograms of the signals stacked top to bottom (0–8 kHz each) on one colour scale, white lines between."""
    specs = [spectrogram_db(r) for r in rows]
    width = min(s.shape[1] for s in specs)
    top = max(s.max() for s in specs)
    colours = np.concatenate([palette(), np.array([[255, 255, 255]], dtype=np.uint8)])
    gap = np.full((2, width), LEVELS, dtype=np.uint8)
    parts = []
    for i, s in enumerate(specs):
        parts += ([gap] if i else []) + [levels(s[:, :width], top)]
    write_png(path, np.concatenate(parts, axis=0), colours)
