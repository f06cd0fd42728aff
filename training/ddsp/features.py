"""Audio features of docs/ddsp.md in numpy: resampling, high-pass, YIN f0, A-weighted loudness.

Frame m is centred on sample m·HOP of the 16 kHz signal, which is zero-padded by half a window on
each side, so S samples give S // HOP + 1 frames.
"""
from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

SAMPLE_RATE = 16000
HOP = 64
FRAME_RATE = SAMPLE_RATE // HOP
WINDOW = 1024
YIN_THRESHOLD = 0.15
F0_MIN, F0_MAX = 50.0, 2000.0
LOUDNESS_FLOOR_DB = -100.0

# Resampler design shared with src/dsp/resample.ts: Kaiser-windowed sinc, 90 dB stop band,
# pass band to 0.9 of the lower Nyquist frequency.
RESAMPLE_ATTENUATION_DB = 90.0
RESAMPLE_PASSBAND = 0.9


def frame_count(samples: int) -> int:
    """Frames of a clip of `samples` samples at 16 kHz."""
    return samples // HOP + 1


def centred_frames(x: np.ndarray, size: int = WINDOW) -> np.ndarray:
    """[frames, size] windows of x centred on every HOP-th sample (zero padding at both ends)."""
    n = frame_count(len(x))
    padded = np.concatenate([np.zeros(size // 2), x.astype(np.float64), np.zeros(size // 2)])
    index = np.arange(n)[:, None] * HOP + np.arange(size)[None, :]
    return padded[index]


def highpass(x: np.ndarray, rate: float, cutoff: float = 20.0, order: int = 4) -> np.ndarray:
    """Zero-phase Butterworth-magnitude high-pass in the frequency domain (removes DC offset and rumble)."""
    x = np.asarray(x, dtype=np.float64)
    pad = int(rate)  # a second of zeros on each side keeps the circular wrap out of the signal
    n = len(x) + 2 * pad
    spectrum = np.fft.rfft(np.concatenate([np.zeros(pad), x - x.mean(), np.zeros(pad)]))
    f = np.fft.rfftfreq(n, 1.0 / rate)
    with np.errstate(divide="ignore"):
        gain = 1.0 / np.sqrt(1.0 + (cutoff / np.maximum(f, 1e-12)) ** (2 * order))
    gain[0] = 0.0
    return np.fft.irfft(spectrum * gain, n)[pad:pad + len(x)]


def _kaiser_length(attenuation_db: float, width: float) -> int:
    return math.ceil((attenuation_db - 7.95) / (2.285 * 2 * math.pi * width)) + 1


def _kaiser_beta(attenuation_db: float) -> float:
    if attenuation_db > 50:
        return 0.1102 * (attenuation_db - 8.7)
    if attenuation_db >= 21:
        return 0.5842 * (attenuation_db - 21) ** 0.4 + 0.07886 * (attenuation_db - 21)
    return 0.0


@lru_cache(maxsize=8)
def _phase_table(up: int, down: int) -> tuple[np.ndarray, int]:
    """Per-phase Kaiser-sinc kernels [up, 2·half] for a conversion by up/down, rows summing to 1."""
    scale = min(1.0, up / down)
    cutoff = 0.5 * scale * (1 + RESAMPLE_PASSBAND) / 2
    width = 0.5 * scale * (1 - RESAMPLE_PASSBAND)
    half = math.ceil(_kaiser_length(RESAMPLE_ATTENUATION_DB, width) / 2)
    beta = _kaiser_beta(RESAMPLE_ATTENUATION_DB)
    frac = np.arange(up)[:, None] / up
    t = frac - (np.arange(2 * half)[None, :] - half + 1)
    r = np.clip(t / half, -1.0, 1.0)
    window = np.i0(beta * np.sqrt(1 - r * r)) / np.i0(beta)
    window[np.abs(t / half) >= 1] = 0.0
    taps = 2 * cutoff * np.sinc(2 * cutoff * t) * window
    return taps / taps.sum(axis=1, keepdims=True), half


def resample(x: np.ndarray, rate_in: int, rate_out: int = SAMPLE_RATE) -> np.ndarray:
    """Band-limited polyphase resampling (output n reads the input around n·rate_in/rate_out)."""
    x = np.asarray(x, dtype=np.float64)
    if rate_in == rate_out:
        return x.copy()
    g = math.gcd(rate_in, rate_out)
    up, down = rate_out // g, rate_in // g
    taps, half = _phase_table(up, down)
    out_len = math.ceil(len(x) * up / down)
    padded = np.concatenate([np.zeros(half), x, np.zeros(2 * half)])
    out = np.empty(out_len)
    offsets = np.arange(2 * half)
    for start in range(0, out_len, 8192):
        n = np.arange(start, min(out_len, start + 8192))
        position = n * down
        base = position // up
        phase = position - base * up
        # input index base + j - half + 1, shifted by the `half` zeros of padding
        rows = padded[(base + 1)[:, None] + offsets[None, :]]
        out[n] = np.einsum("ij,ij->i", rows, taps[phase])
    return out


def a_weighting_power(freqs: np.ndarray) -> np.ndarray:
    """IEC 61672 A-weighting as a linear power gain, 1 at 1 kHz."""
    def ra(f):
        f2 = np.asarray(f, dtype=np.float64) ** 2
        return (12194.0 ** 2 * f2 ** 2) / (
            (f2 + 20.6 ** 2) * np.sqrt((f2 + 107.7 ** 2) * (f2 + 737.9 ** 2)) * (f2 + 12194.0 ** 2))
    return (ra(freqs) / ra(1000.0)) ** 2


def periodic_hann(n: int) -> np.ndarray:
    """The periodic Hann window of length n."""
    return 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n) / n)


def loudness(x: np.ndarray) -> np.ndarray:
    """A-weighted loudness in dB per frame (docs/ddsp.md), floored at −100 dB."""
    w = periodic_hann(WINDOW)
    spec = np.fft.rfft(centred_frames(x) * w, axis=1)
    k = np.arange(WINDOW // 2 + 1)
    c = np.full(k.shape, 2.0)
    c[0] = c[-1] = 1.0
    weight = c * a_weighting_power(k * SAMPLE_RATE / WINDOW)
    power = (np.abs(spec) ** 2 * weight).sum(axis=1) / (WINDOW * (w ** 2).sum())
    return 10 * np.log10(np.maximum(1e-10, power))


def yin(x: np.ndarray, threshold: float = YIN_THRESHOLD) -> tuple[np.ndarray, np.ndarray]:
    """YIN f0 (Hz, 0 where unvoiced) and voicing (1 − d′ at the chosen lag, clamped) per frame.

    The variant of src/dsp/yin.ts: per 1024-sample centred frame, d(τ) is the mean of
    (x_j − x_{j+τ})² over all N − τ pairs in the frame; d′ is its cumulative-mean normalisation;
    the lag is the first dip of d′ under the threshold walked down to its minimum (else d′'s global
    minimum), refined by the parabola through d (shift within ±1, lag within 8–320 samples).
    """
    shortest, longest = SAMPLE_RATE / F0_MAX, SAMPLE_RATE / F0_MIN
    lo, hi = max(2, math.ceil(shortest)), math.floor(longest)
    frames = centred_frames(x)
    spec = np.fft.rfft(frames, 2 * WINDOW, axis=1)
    r = np.fft.irfft(np.abs(spec) ** 2, 2 * WINDOW, axis=1)[:, :hi + 2]
    sq = np.concatenate([np.zeros((len(frames), 1)), np.cumsum(frames ** 2, axis=1)], axis=1)
    taus = np.arange(1, hi + 2)
    pairs = WINDOW - taus
    d = np.zeros((len(frames), hi + 2))
    d[:, 1:] = np.maximum(0.0, (sq[:, pairs] + sq[:, WINDOW:WINDOW + 1] - sq[:, taus] - 2 * r[:, 1:]) / pairs)
    cum = np.cumsum(d[:, 1:], axis=1)
    dn = np.ones_like(d)
    with np.errstate(divide="ignore", invalid="ignore"):
        dn[:, 1:] = np.where(cum > 0, d[:, 1:] * taus / cum, 1.0)
    f0 = np.zeros(len(frames))
    voicing = np.zeros(len(frames))
    for m in range(len(frames)):
        row = dn[m]
        below = np.nonzero(row[lo:hi + 1] < threshold)[0]
        if len(below):
            tau = lo + below[0]
            while tau + 1 <= hi and row[tau + 1] < row[tau]:
                tau += 1
        else:
            tau = lo + int(np.argmin(row[lo:hi + 1]))
        voicing[m] = min(1.0, max(0.0, 1.0 - row[tau]))
        if row[tau] >= threshold:
            continue
        left, mid, right = d[m, tau - 1], d[m, tau], d[m, tau + 1]
        curvature = left - 2 * mid + right
        lag = float(tau)
        if curvature > 0:
            lag = min(longest, max(shortest, tau + max(-1.0, min(1.0, (left - right) / (2 * curvature)))))
        f0[m] = SAMPLE_RATE / lag
    return f0, voicing


def fill_unvoiced(f0: np.ndarray) -> np.ndarray:
    """Unvoiced frames (0 Hz) take the f0 of the nearest voiced frame; all-unvoiced gives 0s."""
    voiced = np.nonzero(f0 > 0)[0]
    if len(voiced) == 0:
        return f0.copy()
    idx = np.arange(len(f0))
    pos = np.clip(np.searchsorted(voiced, idx), 1, len(voiced) - 1) if len(voiced) > 1 else np.zeros(len(f0), int)
    if len(voiced) == 1:
        return np.full(len(f0), f0[voiced[0]])
    left, right = voiced[pos - 1], voiced[pos]
    nearest = np.where(np.abs(idx - left) <= np.abs(right - idx), left, right)
    return f0[nearest]


def midi_to_hz(midi) -> np.ndarray:
    """Equal-tempered frequency of a (fractional) MIDI pitch."""
    return 440.0 * 2.0 ** ((np.asarray(midi, dtype=np.float64) - 69.0) / 12.0)
