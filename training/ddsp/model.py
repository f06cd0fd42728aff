"""The DDSP decoder: (f0, loudness) per frame → amplitude, harmonic distribution and noise magnitudes.

DDSP's RNN-FC decoder (Engel et al. 2020) at a browser-friendly size: an MLP per input (half the
GRU's width, which halves the cost of the per-frame layers in onnxruntime-web), a GRU over
their concatenation, an output MLP over [GRU output, input features], one linear layer to the
synth controls, and DDSP's scaled sigmoid. Input normalisation (MIDI pitch and loudness, z-scored
with the training set's statistics) and the ≥ 8 kHz harmonic mask are inside the module, so the
exported graph takes Hz and dB and returns the synth's controls as they are (docs/ddsp.md).
"""
from __future__ import annotations

import math

import torch
from torch import nn

from .synth import N_HARMONICS, N_NOISE, NYQUIST

NOISE_BIAS = -5.0  # DDSP's initial noise bias: the noise starts quiet


def scaled_sigmoid(x: torch.Tensor) -> torch.Tensor:
    """DDSP's exp_sigmoid: 2·sigmoid(x)^ln(10) + 1e-7, a positive output with a wide range."""
    return 2.0 * torch.sigmoid(x) ** math.log(10.0) + 1e-7


def mlp(n_in: int, width: int, layers: int) -> nn.Sequential:
    """`layers` × (Linear → LayerNorm → LeakyReLU)."""
    mods: list[nn.Module] = []
    for i in range(layers):
        mods += [nn.Linear(n_in if i == 0 else width, width), nn.LayerNorm(width), nn.LeakyReLU(0.2)]
    return nn.Sequential(*mods)


class Decoder(nn.Module):
    """f0 [B, T] Hz, loudness [B, T] dB, state [1, B, H] → amplitude, harmonics, noise, state_out."""

    def __init__(self, hidden: int = 128, mlp_layers: int = 2,
                 pitch_stats: tuple[float, float] = (60.0, 12.0), loudness_stats: tuple[float, float] = (-40.0, 15.0),
                 input_width: int | None = None):
        super().__init__()
        self.hidden = hidden
        width = input_width or hidden // 2
        self.register_buffer("pitch_stats", torch.tensor(pitch_stats, dtype=torch.float32))
        self.register_buffer("loudness_stats", torch.tensor(loudness_stats, dtype=torch.float32))
        self.register_buffer("harmonic_numbers", torch.arange(1, N_HARMONICS + 1, dtype=torch.float32))
        self.f0_mlp = mlp(1, width, mlp_layers)
        self.loudness_mlp = mlp(1, width, mlp_layers)
        self.gru = nn.GRU(2 * width, hidden, batch_first=True)
        self.out_mlp = mlp(hidden + 2 * width, hidden, mlp_layers)
        self.head = nn.Linear(hidden, 1 + N_HARMONICS + N_NOISE)

    def normalise(self, f0: torch.Tensor, loudness: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """z-scored MIDI pitch (f0 clamped to ≥ 8.18 Hz, MIDI 0) and z-scored loudness, [B, T, 1] each."""
        pitch = 69.0 + 12.0 * torch.log2(torch.clamp(f0, min=8.1758) / 440.0)
        pitch = (pitch - self.pitch_stats[0]) / self.pitch_stats[1]
        loud = (loudness - self.loudness_stats[0]) / self.loudness_stats[1]
        return pitch.unsqueeze(-1), loud.unsqueeze(-1)

    def forward(self, f0: torch.Tensor, loudness: torch.Tensor, state: torch.Tensor):
        pitch, loud = self.normalise(f0, loudness)
        hf, hl = self.f0_mlp(pitch), self.loudness_mlp(loud)
        rnn_out, state_out = self.gru(torch.cat([hf, hl], -1), state)
        out = self.head(self.out_mlp(torch.cat([rnn_out, hf, hl], -1)))
        amplitude = scaled_sigmoid(out[..., 0])
        dist = scaled_sigmoid(out[..., 1:1 + N_HARMONICS])
        mask = (f0.unsqueeze(-1) * self.harmonic_numbers < NYQUIST).to(dist.dtype)
        dist = dist * mask
        harmonics = dist / (dist.sum(-1, keepdim=True) + 1e-7)
        noise = scaled_sigmoid(out[..., 1 + N_HARMONICS:] + NOISE_BIAS)
        return amplitude, harmonics, noise, state_out

    def initial_state(self, batch: int = 1) -> torch.Tensor:
        """The zero GRU state [1, batch, H]."""
        return torch.zeros(1, batch, self.hidden)
