"""Training loop: random windows of the training clips, decoder → synth → multi-scale spectral loss."""
from __future__ import annotations

import time

import numpy as np
import torch

from .features import HOP
from .model import Decoder
from .notes import Clip
from .synth import multiscale_spectral_distance, synthesize


MIN_PITCH_SCALE, MIN_LOUDNESS_SCALE = 6.0, 10.0  # semitones, dB: inputs outside a narrow corpus stay moderate


def input_stats(clips: list[Clip]) -> tuple[tuple[float, float], tuple[float, float]]:
    """(mean, scale) of MIDI pitch and of loudness over every frame of the clips; scale = max(std, floor)."""
    f0 = np.concatenate([c.f0 for c in clips])
    pitch = 69 + 12 * np.log2(np.maximum(f0, 8.1758) / 440)
    ld = np.concatenate([c.loudness for c in clips])
    return ((round(float(pitch.mean()), 4), round(max(float(pitch.std()), MIN_PITCH_SCALE), 4)),
            (round(float(ld.mean()), 4), round(max(float(ld.std()), MIN_LOUDNESS_SCALE), 4)))


class WindowSampler:
    """Draws batches of `frames`-frame windows (audio of (frames − 1)·HOP samples), clips weighted by length."""

    def __init__(self, clips: list[Clip], frames: int, batch: int, seed: int):
        self.clips = [c for c in clips if len(c.f0) >= frames]
        if not self.clips:
            raise ValueError(f"training: no clip has {frames} frames; use shorter windows")
        self.frames, self.batch = frames, batch
        weights = np.array([len(c.f0) - frames + 1 for c in self.clips], dtype=np.float64)
        self.weights = weights / weights.sum()
        self.rng = np.random.default_rng(seed)

    def __call__(self) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        f0, ld, audio = [], [], []
        samples = (self.frames - 1) * HOP
        for i in self.rng.choice(len(self.clips), size=self.batch, p=self.weights):
            c = self.clips[i]
            a = int(self.rng.integers(0, len(c.f0) - self.frames + 1))
            f0.append(c.f0[a:a + self.frames])
            ld.append(c.loudness[a:a + self.frames])
            seg = c.audio[a * HOP:a * HOP + samples]
            audio.append(np.pad(seg, (0, samples - len(seg))))
        t = lambda xs: torch.tensor(np.stack(xs), dtype=torch.float32)
        return t(f0), t(ld), t(audio)


def train(model: Decoder, clips: list[Clip], steps: int, frames: int, batch: int, lr: float, seed: int,
          device: str, log_every: int = 50, log=print) -> dict:
    """Adam with cosine decay and gradient clipping; returns {steps, seconds (wall), cpuSeconds, finalLoss}."""
    sampler = WindowSampler(clips, frames, batch, seed)
    model.to(device).train()
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: 0.05 + 0.95 * 0.5 * (1 + np.cos(np.pi * min(1.0, s / max(1, steps)))))
    gen = torch.Generator(device=device)
    gen.manual_seed(seed)
    samples = (frames - 1) * HOP
    start, cpu_start, running = time.time(), time.process_time(), []
    for step in range(1, steps + 1):
        f0, ld, audio = (x.to(device) for x in sampler())
        amp, harm, noise, _ = model(f0, ld, model.initial_state(batch).to(device))
        y = synthesize(f0, amp, harm, noise, samples, generator=gen)
        loss = multiscale_spectral_distance(audio, y)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 3.0)
        opt.step()
        sched.step()
        running.append(loss.item())
        if step % log_every == 0 or step == steps:
            final = float(np.mean(running))
            log(f"step {step}/{steps} loss {final:.4f} lr {sched.get_last_lr()[0]:.2e} "
                f"{time.time() - start:.0f}s wall, {time.process_time() - cpu_start:.0f}s CPU")
            running = []
    model.eval()
    return {"steps": steps, "seconds": round(time.time() - start, 1),
            "cpuSeconds": round(time.process_time() - cpu_start, 1), "finalLoss": round(final, 4)}
