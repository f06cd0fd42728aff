"""Differentiable harmonic + filtered-noise synthesizer and multi-scale spectral distance (docs/ddsp.md), at 16 kHz."""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F

from .features import HOP, SAMPLE_RATE

N_HARMONICS = 60
N_NOISE = 65
NYQUIST = SAMPLE_RATE / 2
NOISE_TAPS = 2 * (N_NOISE - 1)  # 128 at 16 kHz
MSS_SIZES = (2048, 1024, 512, 256, 128, 64)


def _pad_frames(x: torch.Tensor, frames: int) -> torch.Tensor:
    """[B, F, ...] → [B, frames, ...], holding the last frame (or cutting)."""
    if x.shape[1] >= frames:
        return x[:, :frames]
    tail = x[:, -1:].expand((x.shape[0], frames - x.shape[1]) + tuple(x.shape[2:]))
    return torch.cat([x, tail], 1)


def upsample_frames(x: torch.Tensor, samples: int) -> torch.Tensor:
    """[B, F] frame values → [B, samples] by linear interpolation between frame centres (m·HOP)."""
    blocks = math.ceil(samples / HOP)
    x = _pad_frames(x, blocks + 1)
    return F.interpolate(x.unsqueeze(1), size=blocks * HOP + 1, mode="linear", align_corners=True)[:, 0, :samples]


def harmonic(f0: torch.Tensor, amplitude: torch.Tensor, harmonics: torch.Tensor, samples: int,
             phase0: torch.Tensor | None = None) -> torch.Tensor:
    """Additive synth: f0, amplitude [B, F] and normalised harmonics [B, F, H] → audio [B, samples].

    As src/dsp/harmonicSynth.ts: per-harmonic amplitudes a_h = amplitude·harmonics[h] and f0 are
    interpolated linearly between frame centres; φ(0) = phase0 (0 by default) and
    φ(n+1) = φ(n) + 2π·f0(n)/16000 in float64; a harmonic is muted on samples where h·f0(n) ≥ 8 kHz.
    Per HOP-sample block m the weights are (1 − α)·a_m + α·a_{m+1}, so the sum over harmonics is
    one small matmul per block.
    """
    b, n_h = f0.shape[0], harmonics.shape[-1]
    blocks = math.ceil(samples / HOP)
    with torch.no_grad():
        f0_audio = upsample_frames(f0.double(), blocks * HOP)
        step = 2 * math.pi * f0_audio / SAMPLE_RATE
        phase = torch.cumsum(step, dim=1) - step
        if phase0 is not None:
            phase = phase + phase0.double().unsqueeze(1)
        phase = torch.remainder(phase, 2 * math.pi).float()
        k = torch.arange(1, n_h + 1, dtype=torch.float32, device=f0.device)
        audible = (f0_audio.float().unsqueeze(-1) * k < NYQUIST).float()
        sines = (torch.sin(phase.unsqueeze(-1) * k) * audible).view(b, blocks, HOP, n_h)
        alpha = torch.arange(HOP, dtype=torch.float32, device=f0.device) / HOP
    a = _pad_frames(amplitude.unsqueeze(-1) * harmonics, blocks + 1)
    pair = torch.stack([a[:, :blocks], a[:, 1:blocks + 1]], -1)  # [B, blocks, H, 2]
    both = torch.matmul(sines, pair)  # [B, blocks, HOP, 2]
    return (both[..., 0] * (1 - alpha) + both[..., 1] * alpha).reshape(b, blocks * HOP)[:, :samples]


def noise_filters(magnitudes: torch.Tensor) -> torch.Tensor:
    """[B, F, 65] band magnitudes → [B, F, 128] causal Hann-windowed zero-phase FIR filters."""
    ir = torch.fft.irfft(magnitudes.to(torch.complex64), n=NOISE_TAPS)
    ir = torch.roll(ir, NOISE_TAPS // 2, dims=-1)
    n = torch.arange(NOISE_TAPS, dtype=torch.float32, device=ir.device)
    window = 0.5 - 0.5 * torch.cos(2 * math.pi * n / NOISE_TAPS)
    return ir * window


def filtered_noise(magnitudes: torch.Tensor, samples: int, generator: torch.Generator | None = None) -> torch.Tensor:
    """Uniform noise, block m (samples m·HOP … m·HOP+63) filtered by frame m's FIR, overlap-added.

    The FIR's delay of NOISE_TAPS/2 samples is removed so the filtered block stays on its frame.
    """
    b, frames, _ = magnitudes.shape
    blocks = math.ceil(samples / HOP)
    mags = magnitudes[:, :blocks]
    if mags.shape[1] < blocks:
        mags = torch.cat([mags, mags[:, -1:].expand(b, blocks - mags.shape[1], -1)], 1)
    firs = noise_filters(mags)
    noise = torch.rand((b, blocks, HOP), generator=generator, device=magnitudes.device) * 2 - 1
    nfft = 256
    y = torch.fft.irfft(torch.fft.rfft(noise, nfft) * torch.fft.rfft(firs, nfft), nfft)[..., :HOP + NOISE_TAPS - 1]
    out_len = (blocks - 1) * HOP + HOP + NOISE_TAPS - 1
    audio = F.fold(y.transpose(1, 2), output_size=(1, out_len), kernel_size=(1, HOP + NOISE_TAPS - 1),
                   stride=(1, HOP)).view(b, out_len)
    return audio[:, NOISE_TAPS // 2:NOISE_TAPS // 2 + samples]


def synthesize(f0, amplitude, harmonics, noise, samples, generator=None, phase0=None) -> torch.Tensor:
    """Harmonic plus filtered noise [B, samples] from per-frame controls."""
    return harmonic(f0, amplitude, harmonics, samples, phase0) + filtered_noise(noise, samples, generator)


def _spectrogram(x: torch.Tensor, size: int) -> torch.Tensor:
    window = torch.hann_window(size, periodic=True, device=x.device)
    return torch.stft(x, size, hop_length=size // 4, window=window, center=True, pad_mode="constant",
                      return_complex=True).abs()


def multiscale_spectral_distance(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Mean over FFT sizes of mean|S−Ŝ| + mean|log(S+1e-7) − log(Ŝ+1e-7)| (docs/ddsp.md).

    Frames are centred on multiples of the hop (size/4) with zero padding, as in src/dsp/stft.ts.
    """
    total = x.new_zeros(())
    for size in MSS_SIZES:
        s, s_hat = _spectrogram(x, size), _spectrogram(y, size)
        total = total + (s - s_hat).abs().mean() + (torch.log(s + 1e-7) - torch.log(s_hat + 1e-7)).abs().mean()
    return total / len(MSS_SIZES)
