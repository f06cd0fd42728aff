"""Checks of the recipe's DSP against known answers: run `/usr/bin/python3 training/ddsp/selftest.py`.

Resampler pass/stop band, loudness of a full-scale 1 kHz sine, YIN on harmonic tones and on noise,
the additive synth against a per-sample reference, the noise filter's gain, the MSS distance's
zero, and the decoder's frame-by-frame stepping against one call; then, where `npx tsx` and the
npm packages are at hand, YIN, loudness, the harmonic synth and the distance against the app's
TypeScript (training/ddsp/ts_reference.ts) on the vendored notes. Exits 1 on the first failure.
"""
from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import soundfile as sf  # noqa: E402

from ddsp.export import stepping_error  # noqa: E402
from ddsp.features import fill_unvoiced, loudness, resample, yin  # noqa: E402
from ddsp.model import Decoder  # noqa: E402
from ddsp.synth import filtered_noise, harmonic, multiscale_spectral_distance  # noqa: E402


def expect(name: str, ok: bool, detail: str) -> None:
    print(f"{'ok  ' if ok else 'FAIL'} {name}: {detail}")
    if not ok:
        sys.exit(1)


def main() -> None:
    torch.set_num_threads(1)
    t = np.arange(44100) / 44100
    for f, lo, hi in ((1000, 0.999, 1.001), (7000, 0.99, 1.01), (8500, 0, 1e-4)):
        y = resample(np.sin(2 * np.pi * f * t), 44100)[1000:-1000]
        gain = np.sqrt(2 * np.mean(y ** 2))
        expect(f"resample 44.1→16 kHz, {f} Hz", lo <= gain <= hi, f"gain {gain:.5f}")

    s = np.arange(16000) / 16000
    ld = loudness(np.sin(2 * np.pi * 1000 * s))[20:-20]
    expect("loudness of a full-scale 1 kHz sine", abs(ld.mean() + 3.01) < 0.02, f"{ld.mean():.3f} dB")
    expect("loudness of silence", loudness(np.zeros(640)).max() == -100, "floor −100 dB")

    for f0 in (82.4, 261.6, 987.8):
        tone = sum(np.sin(2 * np.pi * f0 * h * s) / h for h in range(1, int(8000 / f0)))
        est, voicing = yin(tone)
        cents = 1200 * np.log2(np.median(est[10:-10]) / f0)
        expect(f"YIN on a {f0} Hz sawtooth", abs(cents) < 10 and voicing[10:-10].min() > 0.8, f"{cents:+.1f} cents")
    est, _ = yin(np.random.default_rng(0).uniform(-1, 1, 16000))
    expect("YIN on white noise", (est > 0).mean() < 0.05, f"{(est > 0).mean():.0%} frames voiced")
    filled = fill_unvoiced(np.array([0, 0, 100, 0, 0, 0, 200, 0.0]))
    expect("unvoiced frames take the nearest voiced f0", filled.tolist() == [100, 100, 100, 100, 100, 200, 200, 200],
           str(filled.tolist()))

    g = torch.Generator().manual_seed(0)
    frames, samples = 30, 29 * 64
    f0 = torch.rand(2, frames, generator=g) * 300 + 100
    amp = torch.rand(2, frames, generator=g)
    harm = torch.rand(2, frames, 60, generator=g)
    harm = harm / harm.sum(-1, keepdim=True)
    pos = np.arange(samples) / 64
    i0, frac = np.floor(pos).astype(int), pos - np.floor(pos)
    up = lambda x: x[:, i0] * (1 - frac) + x[:, i0 + 1] * frac
    f0_up = up(f0.double().numpy())
    phase = np.cumsum(2 * np.pi * f0_up / 16000, axis=1) - 2 * np.pi * f0_up / 16000  # φ(0) = 0
    weights = amp.numpy()[..., None] * harm.numpy()
    ref = sum(up(weights[..., h]) * np.sin((h + 1) * phase) * ((h + 1) * f0_up < 8000) for h in range(60))
    err = np.abs(harmonic(f0, amp, harm, samples).numpy() - ref).max()
    expect("additive synth equals a per-sample reference", err < 1e-4, f"max |difference| {err:.1e}")

    flat = filtered_noise(torch.ones(1, 300, 65), 300 * 64, torch.Generator().manual_seed(1))
    rms = float(flat.pow(2).mean().sqrt())
    expect("noise with all bands at 1 keeps uniform noise's level", abs(rms - 1 / np.sqrt(3)) < 0.03, f"rms {rms:.3f}")

    x = torch.randn(1, 4000, generator=g)
    expect("MSS distance of a signal to itself", float(multiscale_spectral_distance(x, x)) == 0.0, "0")

    torch.manual_seed(0)
    model = Decoder(32, 2, (64.0, 9.0), (-20.0, 10.0)).eval()
    err = stepping_error(model, np.linspace(100, 900, 120), np.linspace(-60, -10, 120))
    expect("decoder stepping frame by frame equals one call", err < 1e-5, f"max |difference| {err:.1e}")
    with torch.no_grad():
        _, h, _, _ = model(torch.tensor([[2000.0]]), torch.tensor([[-20.0]]), model.initial_state(1))
    expect("harmonics at or above 8 kHz are silenced", float(h[0, 0, 3:].abs().max()) == 0.0
           and abs(float(h.sum()) - 1) < 1e-5, f"f0 2 kHz: {int((h[0, 0] > 0).sum())} harmonics, sum {float(h.sum()):.5f}")

    compare_with_typescript()


def compare_with_typescript() -> None:
    """The numpy/torch DSP against src/dsp on the same inputs (skipped without Node packages)."""
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    if not (shutil.which("npx") and os.path.isdir(os.path.join(repo, "node_modules", "tsx"))):
        print("skip TypeScript comparison: npx or node_modules/tsx missing (npm ci)")
        return
    wavs = sorted(glob.glob(os.path.join(repo, "training", "data", "ddsp", "sax-subset", "sax_*.wav")))
    g = torch.Generator().manual_seed(3)
    frames = 60
    f0 = torch.rand(1, frames, generator=g) * 500 + 100
    amp = torch.rand(1, frames, generator=g) * 0.5
    harm = torch.rand(1, frames, 60, generator=g) * (f0.unsqueeze(-1) * torch.arange(1, 61) < 8000)
    harm = harm / harm.sum(-1, keepdim=True)
    a = torch.randn(1, 8000, generator=g) * 0.3
    b = a * 0.7 + torch.randn(1, 8000, generator=g) * 0.05
    job = {"wavs": wavs, "harmonic": {"f0": f0[0].tolist(), "amplitude": amp[0].tolist(),
                                      "harmonics": harm[0].reshape(-1).tolist(), "length": frames * 64},
           "distance": {"a": a[0].tolist(), "b": b[0].tolist()}}
    proc = subprocess.run(["npx", "tsx", os.path.join("training", "ddsp", "ts_reference.ts")], input=json.dumps(job),
                          capture_output=True, text=True, cwd=repo)
    expect("TypeScript reference ran", proc.returncode == 0,
           "npx tsx training/ddsp/ts_reference.ts" if proc.returncode == 0 else proc.stderr.strip()[-500:])
    ts = json.loads(proc.stdout)
    for path, feats in zip(wavs, ts["features"]):
        x = sf.read(path, dtype="float32")[0].astype(np.float64)
        f0_np, voicing_np = yin(x)
        f0_ts = np.array(feats["f0"])
        both = (f0_ts > 0) & (f0_np > 0)
        cents = float(np.abs(1200 * np.log2(f0_ts[both] / f0_np[both])).max())
        same_voicing = bool(((f0_ts > 0) == (f0_np > 0)).all())
        db = float(np.abs(np.array(feats["loudness"]) - loudness(x)).max())
        expect(f"YIN and loudness equal src/dsp on {os.path.basename(path)}", same_voicing and cents < 0.01 and db < 1e-3,
               f"max {cents:.1e} cents, {db:.1e} dB")
    err = float(np.abs(harmonic(f0, amp, harm, frames * 64)[0].numpy() - np.array(ts["harmonic"])).max())
    expect("harmonic synth equals src/dsp/harmonicSynth.ts", err < 1e-5, f"max |difference| {err:.1e}")
    mine = float(multiscale_spectral_distance(a, b))
    expect("MSS distance equals src/dsp/spectralDistance.ts", abs(mine - ts["distance"]) < 1e-5 * ts["distance"],
           f"{mine:.6f} vs {ts['distance']:.6f}")


if __name__ == "__main__":
    main()
