"""Held-out evaluation: resynthesis from a clip's own features, decoder vs a fixed-spectrum additive baseline."""
from __future__ import annotations

import numpy as np
import torch

from .features import SAMPLE_RATE, WINDOW, a_weighting_power, centred_frames, periodic_hann
from .model import Decoder
from .notes import Clip
from .synth import N_HARMONICS, N_NOISE, NYQUIST, multiscale_spectral_distance, synthesize

EVAL_SEED = 1234


def _tensor(x) -> torch.Tensor:
    return torch.tensor(np.asarray(x, dtype=np.float32)).unsqueeze(0)


def decoder_controls(model: Decoder, clip: Clip) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """amplitude [1, T], harmonics [1, T, 60], noise [1, T, 65] for the whole clip in one call."""
    with torch.no_grad():
        amp, harm, noise, _ = model(_tensor(clip.f0), _tensor(clip.loudness), model.initial_state(1))
    return amp, harm, noise


def render(f0, amp, harm, noise, samples: int) -> np.ndarray:
    """Seeded synthesis of per-frame controls to `samples` samples of 16 kHz audio."""
    gen = torch.Generator()
    gen.manual_seed(EVAL_SEED)
    with torch.no_grad():
        return synthesize(f0, amp, harm, noise, samples, generator=gen)[0].numpy()


def resynthesize(model: Decoder, clip: Clip) -> np.ndarray:
    """The decoder's resynthesis of a clip from its own f0 and loudness."""
    amp, harm, noise = decoder_controls(model, clip)
    return render(_tensor(clip.f0), amp, harm, noise, len(clip.audio))


def average_harmonic_spectrum(clips: list[Clip]) -> np.ndarray:
    """Mean harmonic distribution (amplitudes summing to 1 per frame) over the clips' frames within 20 dB of their peak."""
    total, count = np.zeros(N_HARMONICS), np.zeros(N_HARMONICS)
    k = np.arange(1, N_HARMONICS + 1)
    for c in clips:
        keep = c.loudness > c.loudness.max() - 20
        spec = np.abs(np.fft.rfft(centred_frames(c.audio)[keep] * periodic_hann(WINDOW), axis=1))
        f0 = c.f0[keep]
        bins = np.rint(f0[:, None] * k / (SAMPLE_RATE / WINDOW)).astype(int)
        valid = f0[:, None] * k < NYQUIST
        bins = np.clip(bins, 1, WINDOW // 2 - 1)
        rows = np.arange(len(f0))[:, None]
        peak = np.maximum(np.maximum(spec[rows, bins - 1], spec[rows, bins]), spec[rows, bins + 1]) * valid
        dist = peak / np.maximum(peak.sum(1, keepdims=True), 1e-12)
        total += dist.sum(0)
        count += valid.sum(0)
    return total / np.maximum(count, 1)


def baseline_controls(clip: Clip, spectrum: np.ndarray) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Fixed spectrum (masked ≥ 8 kHz, renormalised), amplitude matching the clip's loudness, no noise.

    The A-weighted mean-square of Σ a·d_h·sin(hφ) is a²/2 · Σ d_h² A(h·f0), so a = sqrt(10^(L/10) / that).
    """
    k = np.arange(1, N_HARMONICS + 1)
    freqs = clip.f0[:, None] * k
    dist = spectrum[None, :] * (freqs < NYQUIST)
    dist = dist / np.maximum(dist.sum(1, keepdims=True), 1e-12)
    power = 0.5 * (dist ** 2 * a_weighting_power(freqs)).sum(1)
    amp = np.sqrt(10 ** (clip.loudness / 10) / np.maximum(power, 1e-12))
    return _tensor(amp), _tensor(dist), torch.zeros(1, len(clip.f0), N_NOISE)


def baseline_resynthesis(clip: Clip, spectrum: np.ndarray) -> np.ndarray:
    """The fixed-spectrum additive baseline's rendering of a clip."""
    amp, harm, noise = baseline_controls(clip, spectrum)
    return render(_tensor(clip.f0), amp, harm, noise, len(clip.audio))


def distance(audio: np.ndarray, resynthesis: np.ndarray) -> float:
    """Multi-scale spectral distance (docs/ddsp.md) between two 16 kHz signals."""
    with torch.no_grad():
        return float(multiscale_spectral_distance(_tensor(audio), _tensor(resynthesis)))


def evaluate(model: Decoder, clips: list[Clip], spectrum: np.ndarray) -> dict:
    """Per-clip and mean distances of the decoder's and the baseline's resynthesis."""
    rows = []
    for c in clips:
        rows.append({"clip": c.name, "decoder": round(distance(c.audio, resynthesize(model, c)), 4),
                     "baseline": round(distance(c.audio, baseline_resynthesis(c, spectrum)), 4)})
    mean = lambda key: round(float(np.mean([r[key] for r in rows])), 4)
    return {"clips": rows, "decoder": mean("decoder"), "baseline": mean("baseline"),
            "decoder_better": sum(r["decoder"] < r["baseline"] for r in rows)}
